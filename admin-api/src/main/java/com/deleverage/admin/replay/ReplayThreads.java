package com.deleverage.admin.replay;

import com.deleverage.admin.executor.BackgroundThreadFactory;

/** The workers of replay jobs: minutes of CPU that must yield to evaluations. */
final class ReplayThreads extends BackgroundThreadFactory {
    ReplayThreads() {
        super("replay");
    }
}
