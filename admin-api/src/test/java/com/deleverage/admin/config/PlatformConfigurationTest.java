package com.deleverage.admin.config;

import com.deleverage.admin.activation.ActivationProperties;
import com.deleverage.admin.decision.DecisionLogProperties;
import com.deleverage.admin.decision.DecisionLogWriter;
import com.deleverage.admin.evaluation.DecisionLimits;
import com.deleverage.admin.ruleset.ValidationReportLimits;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The deleveraging.* configuration types: bound from application.yml's defaults, overridable, and checked
 * when the platform starts, so that a wrong value stops the start naming the setting instead of failing
 * the first request that needs it (or being clamped silently).
 */
class PlatformConfigurationTest {

    @Test
    void theDefaultsOfApplicationYmlAreBound() {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            assertThat(context.getBean(ActivationProperties.class)).isEqualTo(new ActivationProperties(Duration.ofSeconds(1)));
            assertThat(context.getBean(DecisionLogProperties.class)).isEqualTo(new DecisionLogProperties(
                    DecisionLogWriter.Mode.GROUP_COMMIT, 256, 10_000, Duration.ofSeconds(10), true, Duration.ofDays(400),
                    Duration.ofHours(1)));
            assertThat(context.getBean(DecisionLimits.class)).isEqualTo(new DecisionLimits(10_000, 8_000_000));
            assertThat(context.getBean(ValidationReportLimits.class)).isEqualTo(new ValidationReportLimits(200, 2000));
        }
    }

    @Test
    void aSettingOverridesItsDefault() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "deleveraging.decision-log.mode", "sync", "deleveraging.limits.max-findings", "3"), "test")) {
            assertThat(context.getBean(DecisionLogProperties.class).mode()).isEqualTo(DecisionLogWriter.Mode.SYNC);
            assertThat(context.getBean(DecisionLogWriter.class).mode()).isEqualTo(DecisionLogWriter.Mode.SYNC);
            assertThat(context.getBean(ValidationReportLimits.class).maxFindings()).isEqualTo(3);
        }
    }

    @Test
    void aCountBelowItsMinimumStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("deleveraging.shadow.threads", "0"), "test"))
                .rootCause().hasMessageContaining(
                        "com.deleverage.admin.shadow.ShadowProperties.threads - must be greater than or equal to 1");
    }

    @Test
    void aZeroIntervalStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("deleveraging.activation.poll-interval", "0s"), "test"))
                .rootCause().hasMessageContaining(
                        "com.deleverage.admin.activation.ActivationProperties.pollInterval - must be a positive duration, not PT0S");
    }

    @Test
    void anUnknownDecisionLogModeStopsTheStart() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("deleveraging.decision-log.mode", "sometimes"), "test"))
                .hasMessageContaining("Failed to inject value for parameter [mode] of class: "
                        + "com.deleverage.admin.decision.DecisionLogProperties");
    }
}
