package com.deleverage.engine.live;

/**
 * What a {@link LiveBook} did with one event.
 *
 * @param kind   applied, a duplicate of an event already seen, or refused
 * @param detail why it was refused, else null
 */
public record EventOutcome(Kind kind, String detail) {
    public enum Kind { APPLIED, DUPLICATE, REFUSED }

    static final EventOutcome APPLIED = new EventOutcome(Kind.APPLIED, null);
    static final EventOutcome DUPLICATE = new EventOutcome(Kind.DUPLICATE, null);

    public static EventOutcome refused(String detail) {
        return new EventOutcome(Kind.REFUSED, detail);
    }
}
