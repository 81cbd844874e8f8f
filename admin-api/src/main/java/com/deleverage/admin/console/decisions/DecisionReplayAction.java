package com.deleverage.admin.console.decisions;

import com.deleverage.admin.console.ConsoleOutcome;
import com.deleverage.admin.decision.DecisionLookup;
import com.deleverage.admin.decision.DecisionReplay;
import com.deleverage.admin.decision.DecisionReplayResult;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * "Replay this decision" on a decision's page: {@code POST /api/v1/decisions/{id}/replay}'s re-evaluation of the
 * logged input with the logged version, answered in words in place of the button.
 */
@Controller("/console/decisions/{id}/replay")
@Secured(Roles.AUDITOR)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED) // what htmx sends
@Produces(MediaType.TEXT_HTML)
@Hidden
public class DecisionReplayAction {
    private final DecisionLookup lookup;
    private final DecisionReplay replay;

    public DecisionReplayAction(DecisionLookup lookup, DecisionReplay replay) {
        this.lookup = lookup;
        this.replay = replay;
    }

    @Post
    @ExecuteOn(RequestExecutors.COMPILE) // compiles the decision's version unless it is cached
    public HttpResponse<String> replay(String id) {
        return ConsoleOutcome.shown(() -> {
            lookup.find(id);
            DecisionReplayResult result = replay.replay(id);
            return result.reproduced()
                    ? "Replayed with " + result.ruleSet() + " v" + result.version() + ": the same decision, field for field."
                    : "Replayed with " + result.ruleSet() + " v" + result.version()
                    + ": the decision DIFFERS from the logged one (POST /api/v1/decisions/" + id + "/replay shows both).";
        });
    }
}
