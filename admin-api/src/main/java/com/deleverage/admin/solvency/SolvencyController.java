package com.deleverage.admin.solvency;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.request.EpochNumber;
import com.deleverage.admin.security.Roles;
import com.deleverage.solvency.epoch.AccountProof;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.security.Principal;

/**
 * Proof of solvency, steps 1 and 2 (docs/solvency.md): operators publish epochs, auditors read them and the proof a
 * venue hands each account holder.
 */
@Controller(SolvencyController.BASE)
@ExecuteOn(RequestExecutors.ADMIN)
@Tag(name = "solvency")
@ApiProblems.Common
public class SolvencyController {
    static final String BASE = "/api/v1/solvency/epochs";

    private final EpochPublisher publisher;
    private final EpochQueries queries;

    public SolvencyController(EpochPublisher publisher, EpochQueries queries) {
        this.publisher = publisher;
        this.queries = queries;
    }

    @Post
    @ExecuteOn(RequestExecutors.COMPILE) // builds and commits the tree, and range proofs: seconds of CPU
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(Roles.OPERATOR)
    @Operation(summary = "Publish an epoch: the liabilities of a snapshot in a Merkle-sum tree (or, zero-knowledge, "
            + "a tree of Pedersen commitments), against a reserve")
    @ApiResponse(responseCode = "201", description = "the epoch: root, reserve, claim and deficits; Location names it",
            useReturnTypeSchema = true)
    @ApiProblems.TakesABody
    @ApiProblems.Unprocessable
    public HttpResponse<EpochView> publish(@Body @RequestBody(required = true, description = "the snapshot whose "
            + "liabilities are committed to, and the declared reserve of its quote currency") EpochRequest request,
                                           Principal operator) {
        EpochView epoch = publisher.publish(request, operator.getName());
        return HttpResponse.created(epoch, URI.create(BASE + "/" + epoch.epoch()));
    }

    @Get("/{epoch}")
    @Secured(Roles.AUDITOR)
    @Operation(summary = "A published epoch: root, reserve, claim and deficits")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public EpochView epoch(String epoch) {
        return queries.epoch(EpochNumber.parse(epoch));
    }

    @Get("/{epoch}/proofs/{accountId}")
    @ExecuteOn(RequestExecutors.COMPILE) // a zero-knowledge proof is made on each call: up to seconds of CPU
    @Secured(Roles.AUDITOR)
    @Operation(summary = "The inclusion proof of one account, as the venue hands it to the account holder (for a "
            + "zero-knowledge epoch with a range proof over its path, made on each call)")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public AccountProof proof(String epoch, String accountId) {
        return queries.proof(EpochNumber.parse(epoch), accountId);
    }
}
