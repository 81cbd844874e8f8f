package com.deleverage.admin.console.editor;

import com.deleverage.admin.console.ConsolePage;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.refusal.Refusal;
import com.deleverage.admin.problem.RefusalHandler;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.StageRequest;
import com.deleverage.admin.ruleset.StagedVersion;
import com.deleverage.admin.ruleset.StagingService;
import com.deleverage.admin.ruleset.ValidationView;
import com.deleverage.admin.ruleset.VersionComparison;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Console page 2: a stored version's files in the Monaco editor (DRL and YAML colouring), validated without
 * staging (findings shown inline at their file, line and column) and staged as a change on top of that
 * version. Validation and staging are the staging service's own ({@code POST /rulesets/{name}/validations}
 * and {@code /versions}); the page's script sends them as JSON with the session's CSRF header.
 */
@Controller("/console/rulesets/{name}")
@Secured(Roles.POLICY_AUTHOR)
@Hidden
public class EditorPages {
    private final VersionComparison versions;
    private final RuleSetRepository repository;
    private final StagingService staging;
    private final ConsolePage page;

    public EditorPages(VersionComparison versions, RuleSetRepository repository, StagingService staging,
                       ConsolePage page) {
        this.versions = versions;
        this.repository = repository;
        this.staging = staging;
        this.page = page;
    }

    @Get("/versions/{version}/edit")
    @ExecuteOn(RequestExecutors.ADMIN)
    @Produces(MediaType.TEXT_HTML)
    @View("console/editor")
    public Map<String, Object> editor(String name, int version, HttpRequest<?> request, Authentication authentication) {
        versions.find(name, version);
        Map<String, Object> model = page.model("rulesets", "Edit " + name + " v" + version, request, authentication);
        model.put("ruleSet", name);
        model.put("base", version);
        model.put("files", new LinkedHashMap<>(repository.files(name, version)));
        return model;
    }

    /** The draft's findings, as {@code POST /api/v1/rulesets/{name}/validations} answers; nothing is stored. */
    @Post("/validations")
    @ExecuteOn(RequestExecutors.COMPILE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> validate(String name, @Body StageRequest draft) {
        try {
            return HttpResponse.ok(ValidationView.of(staging.validate(name, draft)));
        } catch (Refusal refusal) {
            return refused(refusal);
        }
    }

    /** Stages the draft; the answer names the new version's page (VALIDATED or REJECTED, as staging decided). */
    @Post("/versions")
    @ExecuteOn(RequestExecutors.COMPILE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<?> stage(String name, @Body StageRequest draft, Principal author) {
        try {
            StagedVersion staged = staging.stage(name, draft, author.getName());
            int number = staged.version().version();
            return HttpResponse.ok(Map.of("version", number, "state", staged.version().state().name(),
                    "created", staged.created(), "page", "/console/rulesets/" + name + "/versions/" + number));
        } catch (Refusal refusal) {
            return refused(refusal);
        }
    }

    private static HttpResponse<?> refused(Refusal refusal) {
        var problem = RefusalHandler.problem(refusal);
        return HttpResponse.status(HttpStatus.valueOf(problem.status())).body(Map.of("detail", problem.detail()));
    }
}
