package com.deleverage.engine.live;

import java.util.LinkedHashSet;
import java.util.Objects;

/**
 * The ids of the latest events a book has seen, so that a redelivered event (at-least-once input) is applied
 * once. It forgets the oldest ids beyond its capacity: a redelivery must come within that many events.
 */
final class EventWindow {
    private final int capacity;
    private final LinkedHashSet<String> ids = new LinkedHashSet<>();

    EventWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the event window must hold at least one id");
        }
        this.capacity = capacity;
    }

    /** Records the id; false when it was already there. */
    boolean firstTime(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        if (!ids.add(eventId)) {
            return false;
        }
        if (ids.size() > capacity) {
            ids.removeFirst();
        }
        return true;
    }
}
