package com.deleverage.admin.executor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InFlightLimitsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aClassAdmitsUpToItsLimitAndCountsTheRefusals() {
        InFlightLimits limits = new InFlightLimits(List.of(limit("compile", 2)), registry);
        InFlightLimits.Gate gate = limits.gate("compile").orElseThrow();

        assertThat(gate.tryEnter()).isTrue();
        assertThat(gate.tryEnter()).isTrue();
        assertThat(gate.tryEnter()).isFalse();
        assertThat(gate.tryEnter()).isFalse();
        assertThat(limits.inFlight("compile")).isEqualTo(2);
        gate.exit();
        assertThat(limits.inFlight("compile")).isEqualTo(1);
        assertThat(gate.tryEnter()).isTrue();

        assertThat(registry.get("deleveraging.executor.refused").tag("executor", "compile").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("deleveraging.executor.in.flight").tag("executor", "compile").gauge().value())
                .isEqualTo(2.0);
    }

    @Test
    void aClassWithoutALimitHasNoGate() {
        InFlightLimits limits = new InFlightLimits(List.of(limit("compile", 2)), registry);

        assertThat(limits.gate("evaluation")).isEmpty();
        assertThat(limits.gate(null)).isEmpty();
        assertThat(limits.inFlight("evaluation")).isZero();
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThatThrownBy(() -> new InFlightLimits(List.of(limit("compile", 0)), registry))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("deleveraging.executors.compile.max-in-flight must be at least 1, not 0");
    }

    private static ExecutorLimit limit(String name, int maxInFlight) {
        ExecutorLimit limit = new ExecutorLimit(name);
        limit.setMaxInFlight(maxInFlight);
        return limit;
    }
}
