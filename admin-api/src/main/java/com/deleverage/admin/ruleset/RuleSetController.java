package com.deleverage.admin.ruleset;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.security.Roles;
import com.deleverage.engine.snapshot.InputProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Staging, listing, reading and comparing rule set versions. */
@Controller("/api/v1/rulesets")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured({Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER, Roles.OPERATOR, Roles.TRADING_SYSTEM, Roles.AUDITOR})
@Tag(name = "rule sets")
@ApiProblems.Common
public class RuleSetController {
    private final StagingService staging;
    private final RuleSetRepository repository;
    private final VersionComparison comparison;

    public RuleSetController(StagingService staging, RuleSetRepository repository, VersionComparison comparison) {
        this.staging = staging;
        this.repository = repository;
        this.comparison = comparison;
    }

    /** 201 with the new version and its validation report (even when REJECTED); 200 when identical content exists. */
    @Post("/{name}/versions")
    @ExecuteOn(RequestExecutors.COMPILE) // validation compiles the version and runs its scenarios: seconds of CPU
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiProblems.TakesABody
    @Secured(Roles.POLICY_AUTHOR)
    @Operation(summary = "Stage a version: store it and validate it (lint, compile, scenarios)")
    @ApiResponse(responseCode = "201", description = "the new version with its files and findings, VALIDATED or "
            + "REJECTED; Location names it", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "a version with the same files already exists: that version",
            useReturnTypeSchema = true)
    public HttpResponse<VersionView> stage(String name, @Body StageRequest request, Principal author) {
        StagedVersion staged = staging.stage(name, request, author.getName());
        RuleSetVersion version = staged.version();
        VersionView view = VersionView.of(version, repository.files(name, version.version()));
        URI location = URI.create("/api/v1/rulesets/" + name + "/versions/" + version.version());
        return staged.created()
                ? HttpResponse.created(view, location)
                : HttpResponse.ok(view).header(HttpHeaders.LOCATION, location.toString());
    }

    /** What staging the same body would find, without storing or auditing anything. */
    @Post("/{name}/validations")
    @ExecuteOn(RequestExecutors.COMPILE) // the same validation as staging: seconds of CPU
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiProblems.TakesABody
    @ApiProblems.NotFound
    @Secured(Roles.POLICY_AUTHOR)
    @Operation(summary = "Validate a version without staging it (lint, compile, scenarios, removals)")
    public ValidationView validate(String name, @Body StageRequest request) {
        return ValidationView.of(staging.validate(name, request));
    }

    @Get
    @Operation(summary = "The rule sets, with their active and latest versions")
    public List<RuleSetSummary> ruleSets() {
        return repository.summaries();
    }

    @Get("/{name}/versions")
    @Operation(summary = "Every version of a rule set, oldest first, without files")
    @ApiProblems.NotFound
    public List<VersionView> versions(String name) {
        requireRuleSet(name);
        return repository.versions(name).stream().map(VersionView::of).toList();
    }

    @Get("/{name}/versions/{version}")
    @Operation(summary = "One version with its files")
    @ApiProblems.NotFound
    public VersionView version(String name, int version) {
        return VersionView.of(find(name, version), repository.files(name, version));
    }

    /** Unified diff from {@code against} (default: the version before) to {@code version}. */
    @Get("/{name}/versions/{version}/diff")
    @Operation(summary = "What changed between two versions: one unified diff per file, and the parameter values that moved")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public DiffView diff(String name, int version, @Nullable @QueryValue Integer against) {
        if (against == null && version == 1) {
            throw new InvalidInput("version 1 has no version before it; name the version to compare with "
                    + "in ?against=", List.of(new InputProblem("against", "is required for version 1")));
        }
        return comparison.compare(name, version, against != null ? against : version - 1);
    }

    private void requireRuleSet(String name) {
        if (repository.ruleSet(name).isEmpty()) {
            throw new NotFound("no rule set '" + name + "'");
        }
    }

    private RuleSetVersion find(String name, int version) {
        return comparison.find(name, version);
    }
}
