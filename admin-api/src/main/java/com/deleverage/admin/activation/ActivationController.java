package com.deleverage.admin.activation;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.refusal.IdempotencyKey;
import com.deleverage.admin.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import java.security.Principal;

/** Hot swaps: activate an approved version, or roll back to an earlier one. */
@Controller("/api/v1/rulesets")
@Secured(Roles.OPERATOR)
@ApiProblems.Common
public class ActivationController {
    private final ActivationService activations;

    public ActivationController(ActivationService activations) {
        this.activations = activations;
    }

    @Post("/{name}/versions/{version}/activate")
    @ExecuteOn(RequestExecutors.ACTIVATION) // compiles when the version was not prepared ahead
    @Operation(summary = "Make an approved version the active one, without a restart")
    @ApiProblems.NotFoundOrConflict
    @ApiProblems.Unprocessable
    public Activation activate(String name, int version, Principal operator) {
        return activations.activate(name, version, operator.getName());
    }

    @Post("/{name}/rollback")
    @ExecuteOn(RequestExecutors.ROLLBACK) // a pool of its own: no staging, dry run or activation queues ahead of it
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiProblems.TakesABody
    @Operation(summary = "Return to a version that was active before")
    @ApiProblems.RunsAVersion
    public Activation rollback(String name, @Body @Valid RollbackRequest request,
                               @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey, Principal operator) {
        return activations.rollback(name, request.toVersion(), request.reason(), operator.getName(),
                IdempotencyKey.checked(idempotencyKey));
    }
}
