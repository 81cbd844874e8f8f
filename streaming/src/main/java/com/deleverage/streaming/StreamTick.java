package com.deleverage.streaming;

import com.deleverage.engine.sweep.SweepResult;

import java.util.List;

/**
 * One tick of a stream node, as its journal records it: what the book decided, the records it publishes, and
 * the events (as received) applied since the previous tick.
 */
public record StreamTick(String tickId, SweepResult result, List<String> decisions, List<String> events) {
    public StreamTick {
        decisions = List.copyOf(decisions);
        events = List.copyOf(events);
    }
}
