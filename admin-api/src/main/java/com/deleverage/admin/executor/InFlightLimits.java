package com.deleverage.admin.executor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The in-flight limits of the request classes ({@link ExecutorLimit}), by executor name. A permit is taken
 * when a request of the class is admitted and given back when its response is ready, so the count covers
 * the requests running on the executor's threads and those queued for them. Meters:
 * {@code deleveraging.executor.in.flight} (gauge) and {@code deleveraging.executor.refused} (counter), tag
 * {@code executor}.
 */
@Singleton
public class InFlightLimits {
    private final Map<String, Gate> gates = new HashMap<>();

    public InFlightLimits(List<ExecutorLimit> limits, MeterRegistry registry) {
        for (ExecutorLimit limit : limits) {
            if (limit.getMaxInFlight() < 1) {
                throw new ConfigurationException("deleveraging.executors." + limit.getName()
                        + ".max-in-flight must be at least 1, not " + limit.getMaxInFlight());
            }
            Gate gate = new Gate(limit, Counter.builder("deleveraging.executor.refused")
                    .description("requests answered 429 because their class had max-in-flight requests already")
                    .tag("executor", limit.getName()).register(registry));
            Gauge.builder("deleveraging.executor.in.flight", gate, Gate::inFlight)
                    .description("requests of the class running on the executor or waiting for it")
                    .tag("executor", limit.getName()).register(registry);
            gates.put(limit.getName(), gate);
        }
    }

    /** The limit of the class that runs on {@code executor}, empty when it has none. */
    public Optional<Gate> gate(String executor) {
        return executor == null ? Optional.empty() : Optional.ofNullable(gates.get(executor));
    }

    /** Requests of the class in flight now (0 for a class without a limit). */
    public int inFlight(String executor) {
        return gate(executor).map(Gate::inFlight).orElse(0);
    }

    /** One class's permits. */
    public static final class Gate {
        private final ExecutorLimit limit;
        private final Semaphore permits;
        private final Counter refused;

        Gate(ExecutorLimit limit, Counter refused) {
            this.limit = limit;
            this.permits = new Semaphore(limit.getMaxInFlight());
            this.refused = refused;
        }

        /** Takes a permit; false (and counted) when the class is at its limit. Never waits. */
        public boolean tryEnter() {
            if (permits.tryAcquire()) {
                return true;
            }
            refused.increment();
            return false;
        }

        public void exit() {
            permits.release();
        }

        public int inFlight() {
            return limit.getMaxInFlight() - permits.availablePermits();
        }

        public String executor() {
            return limit.getName();
        }

        public int maxInFlight() {
            return limit.getMaxInFlight();
        }

        public Duration retryAfter() {
            return limit.getRetryAfter();
        }
    }
}
