package com.deleverage.replay;

/** Thrown by {@link Replay#run} when the request's cancellation flag turned true; no report is produced. */
public final class ReplayCancelledException extends RuntimeException {
    public ReplayCancelledException(String message) {
        super(message);
    }
}
