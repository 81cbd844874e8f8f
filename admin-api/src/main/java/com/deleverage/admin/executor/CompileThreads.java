package com.deleverage.admin.executor;

/** The threads of the {@code compile} executor: stagings, dry runs, decision replays, shadow starts. */
public final class CompileThreads extends BackgroundThreadFactory {
    public CompileThreads() {
        super(RequestExecutors.COMPILE);
    }
}
