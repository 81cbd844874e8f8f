package com.deleverage.admin.dryrun;

import com.deleverage.admin.evaluation.SnapshotRequest;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.security.Roles;
import com.deleverage.engine.model.Snapshot;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.security.Principal;

/** {@code POST /api/v1/rulesets/{name}/versions/{version}/dry-run}: a candidate beside the active version. */
@Controller("/api/v1/rulesets")
@ExecuteOn(RequestExecutors.COMPILE) // compiles the candidate unless it is cached
@Secured({Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER})
@Tag(name = "dry-run")
@ApiProblems.Common
public class DryRunController {
    private final DryRunService service;

    public DryRunController(DryRunService service) {
        this.service = service;
    }

    /**
     * Evaluates the snapshot (the evaluation request's shape) with the active version and with version
     * {@code version} (VALIDATED or later; 409 otherwise) and returns {@code active}, {@code candidate}
     * and {@code diff} (added, removed, changed, accounts). No decision is logged; a dry run of a version not
     * yet approved is audited (DRY_RUN).
     */
    @Post("/{name}/versions/{version}/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiProblems.TakesABody
    @Operation(summary = "Compare a validated version with the active one on a snapshot")
    @ApiProblems.RunsAVersion
    public DryRunResult dryRun(String name, int version,
                               @RequestBody(required = true, description = "the snapshot, as for an evaluation (its ruleSet absent or the path's)",
                                       content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                               schema = @Schema(implementation = Snapshot.class)))
                               @Body SnapshotRequest request, Principal author) {
        return service.dryRun(name, version, request.snapshot(), author.getName());
    }
}
