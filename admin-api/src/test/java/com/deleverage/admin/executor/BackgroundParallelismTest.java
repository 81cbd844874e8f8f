package com.deleverage.admin.executor;

import com.deleverage.admin.ThreadNice;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Parallel work run through {@link BackgroundParallelism} (the margin epoch's proving) runs on its workers at
 * background priority, not on the JVM's common pool beside evaluations; what the work throws arrives unchanged.
 */
class BackgroundParallelismTest {
    @Test
    void aParallelStreamInsideRunsOnBackgroundWorkersOnly() {
        BackgroundParallelism parallelism = new BackgroundParallelism();
        ThreadNice background = ThreadNice.ofThisThread().background();
        Set<String> names = ConcurrentHashMap.newKeySet();
        Set<ThreadNice> scheduling = ConcurrentHashMap.newKeySet();

        long sum = parallelism.run(() -> IntStream.range(0, 10_000).parallel().mapToLong(i -> {
            names.add(Thread.currentThread().getName());
            scheduling.add(ThreadNice.ofThisThread());
            return i;
        }).sum());

        assertThat(sum).isEqualTo(49_995_000L); // 0 + 1 + ... + 9,999
        assertThat(names).allMatch(name -> name.startsWith("background-parallel-"));
        assertThat(scheduling).containsExactly(background);
        parallelism.close();
    }

    @Test
    void whatTheWorkThrowsIsThrownUnchanged() {
        BackgroundParallelism parallelism = new BackgroundParallelism();
        IllegalArgumentException thrown = new IllegalArgumentException("pool 7 cannot be proven");

        assertThatThrownBy(() -> parallelism.run(() -> {
            throw thrown;
        })).isSameAs(thrown);
        parallelism.close();
    }
}
