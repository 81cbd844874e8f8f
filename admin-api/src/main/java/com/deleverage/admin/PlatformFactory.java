package com.deleverage.admin;

import com.deleverage.admin.evaluation.EvaluationProperties;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.validate.PolicyValidator;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The engine's parts as singletons of the application, configured from {@code deleveraging.*}. */
@Factory
public class PlatformFactory {

    /** Millisecond ticks: every stored time survives the database round trip unchanged, so hashes over it stay stable. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Singleton
    ActiveVersions activeVersions() {
        return new ActiveVersions();
    }

    @Singleton
    RuleSetCompiler ruleSetCompiler(Clock clock) {
        return new RuleSetCompiler(clock);
    }

    /** Lint, compile and the version's own scenarios, bounded by the same limits as evaluations. */
    @Singleton
    PolicyValidator policyValidator(RuleSetCompiler compiler, Evaluator evaluator) {
        return new PolicyValidator(compiler, evaluator);
    }

    @Singleton
    Evaluator evaluator(EvaluationProperties evaluation) {
        return new Evaluator(new EvaluationLimits(evaluation.maxRuleFirings(), evaluation.timeout(),
                evaluation.sandbox().limits()));
    }
}
