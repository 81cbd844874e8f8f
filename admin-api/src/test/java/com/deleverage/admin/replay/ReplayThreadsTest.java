package com.deleverage.admin.replay;

import com.deleverage.admin.ThreadNice;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay workers run minutes of CPU under SCHED_IDLE, ten nice steps below evaluations. */
class ReplayThreadsTest {
    @Test
    void replayWorkersYieldTheCpuToEvaluations() throws Exception {
        CompletableFuture<ThreadNice> nice = new CompletableFuture<>();
        Thread worker = new ReplayThreads().newThread(() -> nice.complete(ThreadNice.ofThisThread()));
        worker.start();

        assertThat(nice.get(1, TimeUnit.MINUTES)).isEqualTo(ThreadNice.ofThisThread().background());
        assertThat(worker.getName()).isEqualTo("replay-executor-thread-1");
    }
}
