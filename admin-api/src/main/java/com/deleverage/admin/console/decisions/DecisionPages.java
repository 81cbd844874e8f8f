package com.deleverage.admin.console.decisions;

import com.deleverage.admin.console.ConsolePage;
import com.deleverage.admin.decision.DecisionLogRepository;
import com.deleverage.admin.decision.DecisionLookup;
import com.deleverage.admin.decision.DecisionQuery;
import com.deleverage.admin.decision.DecisionRecord;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.refusal.Refusal;
import com.deleverage.admin.security.Roles;
import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Console page 4: the decision log searched by account and time (the search of {@code GET /api/v1/decisions}),
 * and one decision with its actions explained in words, its per-account figures and the version that made it.
 */
@Controller("/console/decisions")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(Roles.AUDITOR)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class DecisionPages {
    private final DecisionLogRepository log;
    private final DecisionLookup lookup;
    private final ConsolePage page;

    public DecisionPages(DecisionLogRepository log, DecisionLookup lookup, ConsolePage page) {
        this.log = log;
        this.lookup = lookup;
        this.page = page;
    }

    @Get
    @View("console/decisions")
    public Map<String, Object> search(@Nullable @QueryValue String account, @Nullable @QueryValue String from,
                                      @Nullable @QueryValue String to, @Nullable @QueryValue String page,
                                      HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = this.page.model("decisions", "Decisions", request, authentication);
        model.put("account", blankToNull(account));
        model.put("from", blankToNull(from));
        model.put("to", blankToNull(to));
        try {
            DecisionQuery query = DecisionQuery.parse(blankToNull(account), blankToNull(from), blankToNull(to),
                    blankToNull(page), null);
            model.put("query", query);
            model.put("result", query.run(log));
        } catch (Refusal refusal) {
            model.put("refusal", refusal.getMessage());
        }
        return model;
    }

    @Get("/{id}")
    @View("console/decision")
    public Map<String, Object> decision(String id, HttpRequest<?> request, Authentication authentication) {
        DecisionRecord decision = lookup.find(id);
        JsonNode response = json(decision.response());
        List<ActionInWords> actions = new ArrayList<>();
        response.path("actions").forEach(action -> actions.add(ActionInWords.of(action)));
        List<AccountFigures> accounts = new ArrayList<>();
        response.path("accounts").forEach(account -> accounts.add(AccountFigures.of(account)));

        Map<String, Object> model = page.model("decisions", "Decision " + id, request, authentication);
        model.put("d", decision);
        model.put("actions", actions);
        model.put("accounts", accounts);
        return model;
    }

    private static JsonNode json(String text) {
        try {
            return PlatformJson.mapper().readTree(text);
        } catch (JsonProcessingException stored) {
            throw new IllegalStateException("a logged decision's response is not JSON", stored);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
