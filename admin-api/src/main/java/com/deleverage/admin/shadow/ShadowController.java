package com.deleverage.admin.shadow;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.request.StrictRequest;
import com.deleverage.admin.security.Roles;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.security.Principal;

/**
 * Shadow mode of a rule set: {@code PUT} puts a validated version in shadow ({@code {"version": n}}),
 * {@code DELETE} ends the run, {@code GET} shows the comparison so far. Only an operator starts or ends
 * a run (it costs evaluation capacity on every node); anyone who may read rule sets may read it.
 */
@Controller("/api/v1/rulesets/{name}/shadow")
@ExecuteOn(RequestExecutors.ADMIN)
@Tag(name = "shadow")
@ApiProblems.Common
public class ShadowController {
    private static final String VERSION = "is required, a version number from 1";

    /** The PUT body: the version to shadow. */
    @Introspected
    public record ShadowRequest(@NotNull(message = VERSION) @Min(value = 1, message = VERSION) Integer version)
            implements StrictRequest {
    }

    private final ShadowService shadow;

    public ShadowController(ShadowService shadow) {
        this.shadow = shadow;
    }

    @Put
    @ExecuteOn(RequestExecutors.COMPILE) // compiles the shadowed version before the run starts
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiProblems.TakesABody
    @Secured(Roles.OPERATOR)
    @Operation(summary = "Put a validated version in shadow beside the active one")
    @ApiProblems.RunsAVersion
    public ShadowRunView start(String name, @Body @Valid ShadowRequest request, Principal operator) {
        return view(shadow.start(name, request.version(), operator.getName()));
    }

    @Delete
    @Secured(Roles.OPERATOR)
    @Operation(summary = "End the shadow run")
    @ApiProblems.NotFound
    public ShadowRunView stop(String name, Principal operator) {
        shadow.stop(name, operator.getName());
        return status(name);
    }

    @Get
    @Secured({Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The shadow comparison so far (the running run, or else the latest)")
    @ApiProblems.NotFound
    public ShadowRunView status(String name) {
        ShadowRun run = shadow.status(name).orElseThrow(() ->
                new NotFound("rule set '" + name + "' has never had a shadow run"));
        return view(run);
    }

    private ShadowRunView view(ShadowRun run) {
        return ShadowRunView.of(run, shadow.accountCount(run), shadow.accounts(run), shadow.sample(run));
    }
}
