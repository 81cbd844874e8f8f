package com.deleverage.admin.decision;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;


/** The decision log for auditors: one decision, a search by account and time, and replay. */
@Controller("/api/v1/decisions")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(Roles.AUDITOR)
@Tag(name = "decisions")
@ApiProblems.Common
public class DecisionController {

    private final DecisionLogRepository log;
    private final DecisionLookup lookup;
    private final DecisionReplay replay;

    public DecisionController(DecisionLogRepository log, DecisionLookup lookup, DecisionReplay replay) {
        this.log = log;
        this.lookup = lookup;
        this.replay = replay;
    }

    /** The logged decision: the response as sent (with each action's explanation), its input, hashes and timing. */
    @Get("/{id}")
    @Operation(summary = "One logged decision")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public DecisionEntry decision(String id) {
        return DecisionEntry.of(find(id));
    }

    /**
     * Decisions evaluated in {@code [from, to)} (ISO-8601 instants; default: the last 24 hours up to now),
     * newest first, optionally only those about {@code account}; {@code page} from 0, {@code size} 1 to 500.
     */
    @Get
    @Operation(summary = "Search the decision log by account and time")
    @ApiProblems.BadRequest
    public DecisionPage search(@Nullable @QueryValue String account, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String page,
                             @Nullable @QueryValue String size) {
        return DecisionQuery.parse(account, from, to, page, size).run(log);
    }

    /** Re-evaluates the decision from its logged input and version and says whether it is reproduced exactly. */
    @Post("/{id}/replay")
    @ExecuteOn(RequestExecutors.COMPILE) // compiles the decision's version unless it is cached
    @Operation(summary = "Re-evaluate a logged decision and compare")
    @ApiProblems.RunsAVersion
    public DecisionReplayResult replay(String id) {
        find(id);
        return replay.replay(id);
    }

    private DecisionRecord find(String id) {
        return lookup.find(id);
    }
}
