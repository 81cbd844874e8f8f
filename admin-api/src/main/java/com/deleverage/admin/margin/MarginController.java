package com.deleverage.admin.margin;

import com.deleverage.admin.evaluation.SnapshotRequest;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.request.EpochNumber;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.security.Principal;

/**
 * The zero-knowledge margin engine (docs/solvency.md, section 21 on): operators publish margin epochs; auditors read
 * them, their two files (what {@code verify-margin} checks, byte for byte) and the opening a venue hands each
 * account holder.
 */
@Controller(MarginController.BASE)
@ExecuteOn(RequestExecutors.ADMIN)
@Tag(name = "margin")
@ApiProblems.Common
public class MarginController {
    static final String BASE = "/api/v1/margin/epochs";
    static final String NDJSON = "application/x-ndjson";

    private final MarginPublisher publisher;
    private final MarginRepository repository;

    public MarginController(MarginPublisher publisher, MarginRepository repository) {
        this.publisher = publisher;
        this.repository = repository;
    }

    @Post
    @ExecuteOn(RequestExecutors.COMPILE) // proves every pool: seconds to minutes of CPU, behind evaluations
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(Roles.OPERATOR)
    @Operation(summary = "Publish a margin epoch: the active version decides on the snapshot, and every margin pool "
            + "is proven above the version's liquidation ratio or linked to the decision's action on it")
    @ApiResponse(responseCode = "201", description = "the epoch: its digest, decision and counts; Location names it",
            useReturnTypeSchema = true)
    @ApiProblems.TakesABody
    @ApiProblems.NotFound
    @ApiProblems.Unprocessable
    public HttpResponse<MarginEpochView> publish(@Body @RequestBody(required = true, description = "the snapshot, as "
            + "for an evaluation") SnapshotRequest request, Principal operator) {
        MarginEpochView epoch = publisher.publish(request, operator.getName());
        return HttpResponse.created(epoch, URI.create(BASE + "/" + epoch.epoch()));
    }

    @Get("/{epoch}")
    @Secured(Roles.AUDITOR)
    @Operation(summary = "A published margin epoch: digest, decision, counts")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public MarginEpochView epoch(String epoch) {
        long number = EpochNumber.parse(epoch);
        return repository.find(number).orElseThrow(() -> missing(number));
    }

    @Get("/{epoch}/epoch.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(Roles.AUDITOR)
    @Operation(summary = "The epoch's epoch.json: marks, tier tables, rule, decision, scales")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public String epochFile(String epoch) {
        long number = EpochNumber.parse(epoch);
        return repository.files(number).orElseThrow(() -> missing(number)).epochJson();
    }

    @Get("/{epoch}/pools.jsonl")
    @Produces(NDJSON)
    @Secured(Roles.AUDITOR)
    @Operation(summary = "The epoch's pools.jsonl: one margin pool's commitments and proofs per line")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public String poolsFile(String epoch) {
        long number = EpochNumber.parse(epoch);
        return repository.files(number).orElseThrow(() -> missing(number)).poolsJsonl();
    }

    @Get("/{epoch}/openings/{accountId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(Roles.AUDITOR)
    @Operation(summary = "One account holder's opening: their salt, figures and blindings (hand it to them only)")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public String opening(String epoch, String accountId) {
        long number = EpochNumber.parse(epoch);
        return repository.opening(number, accountId).orElseThrow(() -> new NotFound(
                "margin epoch " + number + " has no pool of account '" + accountId + "'"));
    }

    private static NotFound missing(long epoch) {
        return new NotFound("no margin epoch " + epoch);
    }
}
