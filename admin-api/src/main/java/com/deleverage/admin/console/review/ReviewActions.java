package com.deleverage.admin.console.review;

import com.deleverage.admin.activation.ActivationService;
import com.deleverage.admin.activation.RollbackRequest;
import com.deleverage.admin.approval.ApprovalService;
import com.deleverage.admin.console.ConsoleOutcome;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;

import java.security.Principal;
import java.util.Map;

/**
 * The review page's actions, each the same service call (and the same role) as its API endpoint: approve
 * (POLICY_APPROVER, never one's own version), activate and roll back (OPERATOR). A success sends the browser
 * back to the version's page; a refusal is shown in words with its HTTP status ({@link ConsoleOutcome}).
 */
@Controller("/console/rulesets/{name}")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED) // what htmx sends, with or without fields
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ReviewActions {
    private final ApprovalService approvals;
    private final ActivationService activations;
    private final Validator validator;

    public ReviewActions(ApprovalService approvals, ActivationService activations, Validator validator) {
        this.approvals = approvals;
        this.activations = activations;
        this.validator = validator;
    }

    @Post("/versions/{version}/approve")
    @ExecuteOn(RequestExecutors.ADMIN)
    @Secured(Roles.POLICY_APPROVER)
    public HttpResponse<String> approve(String name, int version, Principal approver) {
        return ConsoleOutcome.of(() -> approvals.approve(name, version, approver.getName()), page(name, version));
    }

    @Post("/versions/{version}/activate")
    @ExecuteOn(RequestExecutors.ACTIVATION)
    @Secured(Roles.OPERATOR)
    public HttpResponse<String> activate(String name, int version, Principal operator) {
        return ConsoleOutcome.of(() -> activations.activate(name, version, operator.getName()), page(name, version));
    }

    @Post("/versions/{version}/rollback")
    @ExecuteOn(RequestExecutors.ROLLBACK)
    @Secured(Roles.OPERATOR)
    public HttpResponse<String> rollBack(String name, int version, @Body Map<String, String> form, Principal operator) {
        RollbackRequest request = new RollbackRequest(version, form.getOrDefault("reason", "").strip());
        return ConsoleOutcome.of(() -> {
            if (!validator.validate(request).isEmpty()) {
                throw InvalidInput.of("reason", "a reason is required for the audit log: 1 to 1000 characters");
            }
            return activations.rollback(name, version, request.reason(), operator.getName(), null);
        }, page(name, version));
    }

    private static String page(String name, int version) {
        return "/console/rulesets/" + name + "/versions/" + version;
    }
}
