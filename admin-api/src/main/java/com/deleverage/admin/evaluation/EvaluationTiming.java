package com.deleverage.admin.evaluation;

import com.deleverage.admin.metrics.PlatformMetrics;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.time.Duration;

/**
 * Times each evaluation request from routing to its answer, tagged with its outcome by the status it got
 * ({@code deleveraging.evaluation}). A filter rather than the service: a body the snapshot reader refuses never
 * reaches the service, and its time counts as {@code invalid_input} all the same. Answers the evaluation
 * itself did not give (401, 403, 413, 415, 429) are not evaluations and are not timed.
 */
@ServerFilter(EvaluationController.PATH)
public class EvaluationTiming {
    /** The request attribute holding the rule set the controller evaluates with. */
    static final String RULE_SET = EvaluationTiming.class.getName() + ".ruleSet";
    private static final String STARTED = EvaluationTiming.class.getName() + ".started";

    private final PlatformMetrics metrics;
    private final String defaultRuleSet;

    public EvaluationTiming(PlatformMetrics metrics, EvaluationProperties evaluation) {
        this.metrics = metrics;
        this.defaultRuleSet = evaluation.defaultRuleSet();
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String outcome = switch (response.code()) {
            case 200 -> "decided";
            case 400 -> "invalid_input";
            case 404 -> "no_active_version";
            case 422, 503 -> "failed";
            default -> null;
        };
        Long started = request.getAttribute(STARTED, Long.class).orElse(null);
        if (outcome != null && started != null) {
            metrics.evaluated(request.getAttribute(RULE_SET, String.class).orElse(defaultRuleSet), outcome,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
