package com.deleverage.streaming;

import com.deleverage.engine.sweep.SweepResult;

import java.util.List;

/**
 * One tick of a stream node, as its journal records it: what the book decided, the records it publishes, and the
 * events applied since the previous tick, as their count and the SHA-256 of their texts one after the other (the
 * events themselves stay in Kafka).
 */
public record StreamTick(String tickId, SweepResult result, List<String> decisions, long eventCount, String eventsHash) {
    public StreamTick {
        decisions = List.copyOf(decisions);
    }
}
