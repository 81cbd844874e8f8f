package com.deleverage.admin.evaluation;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.security.Roles;
import com.deleverage.engine.model.Snapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.security.Principal;

/** {@code POST /api/v1/evaluations}: a trading system's snapshot in, a decision out. */
@Controller(EvaluationController.PATH)
@ExecuteOn(RequestExecutors.EVALUATION) // never behind a compile, a sign-in or an audit walk
@Tag(name = "evaluations")
@ApiProblems.Common
public class EvaluationController {
    static final String PATH = "/api/v1/evaluations";
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
    @ApiProblems.TakesABody
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(Roles.TRADING_SYSTEM)
    @Operation(summary = "Evaluate a snapshot with the active version")
    @ApiResponse(responseCode = "200", description = "the decision, committed to the decision log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/Decision")))
    @ApiProblems.NotFound
    @ApiProblems.Unprocessable
    @ApiProblems.Unavailable
    public HttpResponse<String> evaluate(
            @RequestBody(required = true, description = "the snapshot: markets, insurance funds and accounts at one instant",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Snapshot.class),
                            examples = @ExampleObject(name = "EvaluationRequest",
                                    ref = "#/components/examples/EvaluationRequest")))
            @Body SnapshotRequest request, Principal caller,
            @Nullable @Header(IDEMPOTENCY_KEY) String idempotencyKey, HttpRequest<?> http) {
        if (request.snapshot().ruleSet() != null) {
            http.setAttribute(EvaluationTiming.RULE_SET, request.snapshot().ruleSet());
        }
        EvaluationService.Result result = service.evaluate(request, caller.getName(), idempotencyKey);
        // The JSON text the decision log stored, sent as is: one serialization per decision, not two.
        MutableHttpResponse<String> response = HttpResponse.ok(result.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
        return result.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }
}
