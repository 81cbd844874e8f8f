package com.deleverage.admin.metrics;

import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetSummary;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.FiredRule;
import com.deleverage.engine.registry.ActiveVersions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's own meters, scraped at {@code /prometheus} (names there: dots become underscores,
 * counters end in {@code _total}, timers in {@code _seconds}):
 * <ul>
 * <li>{@code deleveraging.evaluation} timer with a percentile histogram, tags {@code ruleSet} and
 * {@code outcome} (decided, invalid_input, failed, no_active_version);</li>
 * <li>{@code deleveraging.decision.actions} counter, tags {@code ruleSet} and {@code type};</li>
 * <li>{@code deleveraging.rule.firings} counter, tags {@code ruleSet} and {@code rule};</li>
 * <li>{@code deleveraging.active.version} gauge per {@code ruleSet} (-1 while none is served);</li>
 * <li>{@code deleveraging.validation.failures} counter, tag {@code kind}: {@code input} for snapshots
 * refused with 400, {@code policy} for versions REJECTED at staging;</li>
 * <li>{@code deleveraging.decision.log.batch} distribution of group-commit batch sizes;</li>
 * <li>{@code deleveraging.shadow.evaluations} counter, tags {@code ruleSet} and {@code result}
 * (same, different, dropped, failed).</li>
 * </ul>
 * Rule names are bounded by the rule sets' own contents, so the {@code rule} tag cannot explode.
 */
@Singleton
public class PlatformMetrics {
    private final MeterRegistry registry;
    private final ActiveVersions activeVersions;
    private final RuleSetRepository repository;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public PlatformMetrics(MeterRegistry registry, ActiveVersions activeVersions, RuleSetRepository repository) {
        this.registry = registry;
        this.activeVersions = activeVersions;
        this.repository = repository;
    }

    public void evaluated(String ruleSet, String outcome, Duration elapsed) {
        timers.computeIfAbsent(ruleSet + '\u0000' + outcome, k -> Timer.builder("deleveraging.evaluation")
                        .description("POST /evaluations: reading, evaluating and logging one snapshot")
                        .tags("ruleSet", ruleSet, "outcome", outcome)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10))
                        .register(registry))
                .record(elapsed);
        activeVersionGauge(ruleSet);
    }

    public void decided(Decision decision) {
        for (DecidedAction action : decision.actions()) {
            counter("deleveraging.decision.actions", "actions taken by live decisions", "ruleSet",
                    decision.ruleSet(), "type", action.action().type().name()).increment();
        }
        for (FiredRule fired : decision.firedRules()) {
            counter("deleveraging.rule.firings", "rule firings of live decisions", "ruleSet", decision.ruleSet(),
                    "rule", fired.rule()).increment(fired.count());
        }
    }

    public void invalidInput() {
        counter("deleveraging.validation.failures", "input refused (400) and policy versions rejected",
                "kind", "input").increment();
    }

    public void policyRejected(String ruleSet) {
        counter("deleveraging.validation.failures", "input refused (400) and policy versions rejected",
                "kind", "policy").increment();
    }

    public void decisionLogBatch(int size) {
        registry.summary("deleveraging.decision.log.batch").record(size);
    }

    public void shadow(String ruleSet, String result) {
        counter("deleveraging.shadow.evaluations", "shadow evaluations by result", "ruleSet", ruleSet,
                "result", result).increment();
    }

    /** One gauge per known rule set: the version this node serves. */
    @Scheduled(fixedDelay = "30s", initialDelay = "1s")
    void registerActiveVersionGauges() {
        for (RuleSetSummary summary : repository.summaries()) {
            activeVersionGauge(summary.name());
        }
    }

    private void activeVersionGauge(String ruleSet) {
        if (gauged.add(ruleSet)) {
            Gauge.builder("deleveraging.active.version", activeVersions,
                            a -> a.active(ruleSet).map(CompiledVersion::version).orElse(-1))
                    .description("the version of the rule set this node serves (-1: none)")
                    .tag("ruleSet", ruleSet)
                    .register(registry);
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return counters.computeIfAbsent(name + '\u0000' + String.join("\u0000", tags),
                k -> Counter.builder(name).description(description).tags(tags).register(registry));
    }
}
