package com.deleverage.admin.activation;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.IdempotencyKey;
import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemException;
import com.deleverage.admin.problem.RequestBodies;
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

import java.security.Principal;
import java.util.List;

/** Hot swaps: activate an approved version, or roll back to an earlier one. */
@Controller("/api/v1/rulesets")
@Secured(Roles.OPERATOR)
public class ActivationController {
    // The audit row prefixes the reason with what was replaced; its column holds 2000 characters.
    private static final int MAX_REASON = 1000;

    private final ActivationService activations;

    public ActivationController(ActivationService activations) {
        this.activations = activations;
    }

    @Post("/{name}/versions/{version}/activate")
    @ExecuteOn(RequestExecutors.ACTIVATION) // compiles when the version was not prepared ahead
    public Activation activate(String name, int version, Principal operator) {
        return activations.activate(name, version, operator.getName());
    }

    @Post("/{name}/rollback")
    @ExecuteOn(RequestExecutors.ROLLBACK) // a pool of its own: no staging, dry run or activation queues ahead of it
    @Consumes(MediaType.APPLICATION_JSON)
    public Activation rollback(String name, @Body String body,
                               @Nullable @Header(IdempotencyKey.HEADER) String idempotencyKey, Principal operator) {
        RollbackRequest request = RequestBodies.read(body, RollbackRequest.class);
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_REASON) {
            throw ProblemException.badRequest("a rollback needs a reason (1 to " + MAX_REASON + " characters) for "
                    + "the audit log", List.of(new Problem.FieldError("reason", "1 to " + MAX_REASON + " characters")));
        }
        return activations.rollback(name, request.toVersion(), request.reason(), operator.getName(),
                IdempotencyKey.checked(idempotencyKey));
    }
}
