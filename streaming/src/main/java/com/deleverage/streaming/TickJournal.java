package com.deleverage.streaming;

/**
 * Where a stream node records every tick before it publishes the tick's decisions (the platform's decision log).
 * A node that crashes between the two records the tick again when it decides it again after its restart: the
 * journal must take a tick id it already holds as done.
 */
@FunctionalInterface
public interface TickJournal {
    TickJournal NONE = tick -> {
    };

    void record(StreamTick tick);
}
