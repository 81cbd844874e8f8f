package com.deleverage.admin.evaluation;

import com.deleverage.admin.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.security.Principal;

/** {@code POST /api/v1/evaluations}: a trading system's snapshot in, a decision out. */
@Controller("/api/v1/evaluations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "evaluations")
public class EvaluationController {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final EvaluationService service;

    public EvaluationController(EvaluationService service) {
        this.service = service;
    }

    /**
     * Evaluates a snapshot with the active version of its rule set. The decision is in the decision log
     * before this returns. A repeated Idempotency-Key with the same snapshot returns the stored decision
     * (header {@code Idempotent-Replayed: true}); with another snapshot, 422.
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(Roles.TRADING_SYSTEM)
    @Operation(summary = "Evaluate a snapshot with the active version")
    public HttpResponse<ObjectNode> evaluate(@Body String body, Principal caller,
                                             @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey) {
        EvaluationService.Result result = service.evaluate(body, caller.getName(), idempotencyKey);
        HttpResponse<ObjectNode> response = HttpResponse.ok(result.response());
        return result.replayed() ? HttpResponse.ok(result.response()).header("Idempotent-Replayed", "true") : response;
    }
}
