package com.deleverage.admin.console.rulesets;

import com.deleverage.admin.activation.CurrentActivations;
import com.deleverage.admin.console.ConsolePage;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.ruleset.RuleSetRepository;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Console page 1: every rule set with its active version, and one rule set's versions. */
@Controller("/console")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class RuleSetPages {
    private final RuleSetRepository repository;
    private final CurrentActivations activations;
    private final ConsolePage page;

    public RuleSetPages(RuleSetRepository repository, CurrentActivations activations, ConsolePage page) {
        this.repository = repository;
        this.activations = activations;
        this.page = page;
    }

    @Get
    public HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/console/rulesets"));
    }

    @Get("/rulesets")
    @View("console/rulesets")
    public Map<String, Object> ruleSets(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = page.model("rulesets", "Rule sets", request, authentication);
        model.put("ruleSets", repository.summaries());
        model.put("activations", activations.byRuleSet());
        return model;
    }

    @Get("/rulesets/{name}")
    @View("console/versions")
    public Map<String, Object> versions(String name, HttpRequest<?> request, Authentication authentication) {
        if (repository.ruleSet(name).isEmpty()) {
            throw new NotFound("no rule set '" + name + "'");
        }
        Map<String, Object> model = page.model("rulesets", "Rule set " + name, request, authentication);
        model.put("ruleSet", name);
        model.put("versions", List.copyOf(repository.versions(name)).reversed());
        model.put("activation", activations.byRuleSet().get(name));
        return model;
    }
}
