package com.deleverage.admin.replay;

/** Where a replay job is. */
public enum ReplayState {
    /** Accepted, waiting for a worker. */
    QUEUED,
    /** Reading prices, compiling versions or replaying. */
    RUNNING,
    /** Done: the report can be fetched. */
    SUCCEEDED,
    /** Stopped by an error (the job's {@code error} says which). */
    FAILED,
    /** Stopped by a DELETE. */
    CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
