package com.deleverage.admin.shadow;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemException;
import com.deleverage.admin.problem.RequestBodies;
import com.deleverage.admin.security.Roles;
import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.io.IOException;
import java.security.Principal;
import java.util.List;

/**
 * Shadow mode of a rule set: {@code PUT} puts a validated version in shadow ({@code {"version": n}}),
 * {@code DELETE} ends the run, {@code GET} shows the comparison so far. Only an operator starts or ends
 * a run (it costs evaluation capacity on every node); anyone who may read rule sets may read it.
 */
@Controller("/api/v1/rulesets/{name}/shadow")
@ExecuteOn(RequestExecutors.ADMIN)
@Tag(name = "shadow")
public class ShadowController {
    /** The PUT body. */
    public record ShadowRequest(Integer version) {
    }

    private final ShadowService shadow;

    public ShadowController(ShadowService shadow) {
        this.shadow = shadow;
    }

    @Put
    @ExecuteOn(RequestExecutors.COMPILE) // compiles the shadowed version before the run starts
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(Roles.OPERATOR)
    @Operation(summary = "Put a validated version in shadow beside the active one")
    public ObjectNode start(String name, @Body String body, Principal operator) {
        ShadowRequest request = RequestBodies.read(body, ShadowRequest.class);
        if (request.version() == null || request.version() < 1) {
            throw ProblemException.badRequest("name the version to shadow: {\"version\": n}",
                    List.of(new Problem.FieldError("version", "is required, a version number from 1")));
        }
        return view(shadow.start(name, request.version(), operator.getName()));
    }

    @Delete
    @Secured(Roles.OPERATOR)
    @Operation(summary = "End the shadow run")
    public ObjectNode stop(String name, Principal operator) {
        shadow.stop(name, operator.getName());
        return status(name);
    }

    @Get
    @Secured({Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER, Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The shadow comparison so far (the running run, or else the latest)")
    public ObjectNode status(String name) {
        ShadowRun run = shadow.status(name).orElseThrow(() ->
                ProblemException.notFound("rule set '" + name + "' has never had a shadow run"));
        return view(run);
    }

    private ObjectNode view(ShadowRun run) {
        ObjectNode node = PlatformJson.mapper().createObjectNode();
        node.put("ruleSet", run.ruleSet());
        node.put("version", run.version());
        node.put("versionHash", run.versionHash());
        node.put("running", run.running());
        node.put("startedBy", run.startedBy());
        node.put("startedAt", run.startedAt().toString());
        if (run.stoppedAt() != null) {
            node.put("stoppedBy", run.stoppedBy());
            node.put("stoppedAt", run.stoppedAt().toString());
        }
        node.put("evaluationsCompared", run.compared());
        node.put("withDifferences", run.differing());
        node.put("dropped", run.dropped());
        node.put("failed", run.failed());
        node.put("accountsAffected", shadow.accountCount(run));
        shadow.accounts(run).forEach(node.putArray("accounts")::add);
        var sample = node.putArray("recentDifferences");
        for (ShadowRepository.Difference d : shadow.sample(run)) {
            ObjectNode item = sample.addObject();
            item.put("decisionId", d.decisionId());
            item.put("comparedAt", d.comparedAt().toString());
            d.accounts().forEach(item.putArray("accounts")::add);
            item.set("diff", parse(d.difference()));
        }
        return node;
    }

    private static JsonNode parse(String text) {
        try {
            return PlatformJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
