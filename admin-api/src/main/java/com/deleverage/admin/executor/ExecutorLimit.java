package com.deleverage.admin.executor;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.time.Duration;

/**
 * {@code deleveraging.executors.<name>}: how many requests of the class that runs on executor {@code name}
 * may be in flight at once, running on its threads or waiting for one. The next one is answered 429 at once
 * with {@code Retry-After: retry-after}, instead of waiting in an unbounded queue behind the others.
 */
@EachProperty("deleveraging.executors")
public class ExecutorLimit {
    private final String name;
    private int maxInFlight = Integer.MAX_VALUE;
    private Duration retryAfter = Duration.ofSeconds(1);

    public ExecutorLimit(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    public Duration getRetryAfter() {
        return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }
}
