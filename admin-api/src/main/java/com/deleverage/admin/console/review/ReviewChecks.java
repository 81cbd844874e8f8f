package com.deleverage.admin.console.review;

import com.deleverage.admin.console.ConsoleOutcome;
import com.deleverage.admin.console.ConsoleUser;
import com.deleverage.admin.console.decisions.ActionInWords;
import com.deleverage.admin.decision.DecisionLookup;
import com.deleverage.admin.decision.DecisionRecord;
import com.deleverage.admin.dryrun.DryRunResult;
import com.deleverage.admin.dryrun.DryRunService;
import com.deleverage.admin.evaluation.SnapshotRequest;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.Forbidden;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.admin.security.Roles;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The review page's checks, for whoever may dry-run a version (POLICY_AUTHOR, POLICY_APPROVER): its scenarios
 * run again with the rules they leave unfired ({@link ScenarioCheck}), and a dry run beside the active version
 * on an uploaded snapshot or on a logged decision's input ({@link DryRunService}, audited for a version not yet
 * approved). A logged decision's input is the decision log's, so that source needs the AUDITOR role as well.
 * Both answer a fragment shown in place on the page; a refusal is shown in words with the API's status.
 */
@Controller("/console/rulesets/{name}/versions/{version}")
@ExecuteOn(RequestExecutors.COMPILE) // compiles the version unless it is cached, and runs its code
@Secured({Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER})
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ReviewChecks {
    private final ScenarioCheck scenarios;
    private final DryRunService dryRuns;
    private final DecisionLookup decisions;

    /** An action both versions take, with different figures or reasons: the active version's, then the candidate's. */
    public record ChangedAction(ActionInWords before, ActionInWords after) {
    }

    public ReviewChecks(ScenarioCheck scenarios, DryRunService dryRuns, DecisionLookup decisions) {
        this.scenarios = scenarios;
        this.dryRuns = dryRuns;
        this.decisions = decisions;
    }

    @Post("/scenarios")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED) // what htmx sends for a button
    public HttpResponse<?> scenarios(String name, int version) {
        return rendered(() -> new ModelAndView<>("console/review-scenarios",
                Map.of("outcome", scenarios.run(name, version))));
    }

    @Post("/dry-run")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public HttpResponse<?> dryRun(String name, int version, @Nullable @Part("decisionId") String decisionId,
                                  @Nullable @Part("snapshot") CompletedFileUpload upload, Authentication authentication) {
        return rendered(() -> {
            Snapshot snapshot = snapshot(decisionId, upload, ConsoleUser.of(authentication));
            DryRunResult result = dryRuns.dryRun(name, version, snapshot, authentication.getName());
            Map<String, Object> model = new HashMap<>();
            model.put("version", version);
            model.put("active", result.active().path("version").asInt());
            model.put("identical", result.diff().path("identical").asBoolean());
            model.put("added", inWords(result.diff().path("added")));
            model.put("removed", inWords(result.diff().path("removed")));
            List<ChangedAction> changed = new ArrayList<>();
            result.diff().path("changed").forEach(c -> changed.add(
                    new ChangedAction(ActionInWords.of(c.path("before")), ActionInWords.of(c.path("after")))));
            model.put("changed", changed);
            List<String> accounts = new ArrayList<>();
            result.diff().path("accounts").forEach(a -> accounts.add(a.asText()));
            model.put("accounts", accounts);
            return new ModelAndView<>("console/review-dry-run", model);
        });
    }

    private Snapshot snapshot(@Nullable String decisionId, @Nullable CompletedFileUpload upload, ConsoleUser user) {
        boolean fromDecision = decisionId != null && !decisionId.isBlank();
        boolean fromUpload = upload != null && upload.getSize() > 0;
        if (fromDecision == fromUpload) {
            throw InvalidInput.of("snapshot", "give either a logged decision's id or a snapshot file (JSON, the "
                    + "evaluation request's shape), not " + (fromDecision ? "both" : "neither"));
        }
        if (fromUpload) {
            return parse(text(upload), "the uploaded file");
        }
        if (!user.canAudit()) {
            throw new Forbidden("a logged decision's input belongs to the decision log: a dry run on one needs the "
                    + "AUDITOR role as well; upload the snapshot instead");
        }
        DecisionRecord decision = decisions.find(decisionId.strip());
        if (decision.input() == null) {
            throw new Conflict("the input of decision " + decision.decisionId() + " is not stored (not kept, or "
                    + "purged after the retention period); upload the snapshot instead");
        }
        return parse(decision.input(), "decision " + decision.decisionId() + "'s input");
    }

    private static String text(CompletedFileUpload upload) {
        try {
            return new String(upload.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw InvalidInput.of("snapshot", "the uploaded file could not be read: " + unreadable.getMessage());
        }
    }

    private static Snapshot parse(String json, String what) {
        try {
            return SnapshotRequest.parse(json).snapshot();
        } catch (InvalidSnapshotException invalid) {
            throw new InvalidInput(what + " is not a snapshot: " + invalid.getMessage(), invalid.problems());
        }
    }

    private static List<ActionInWords> inWords(JsonNode actions) {
        List<ActionInWords> words = new ArrayList<>();
        actions.forEach(action -> words.add(ActionInWords.of(action)));
        return words;
    }

    /** A policy that breaches its limits is refused like the API refuses it (422 EVALUATION_LIMIT). */
    private static HttpResponse<?> rendered(Supplier<ModelAndView<Map<String, Object>>> view) {
        return ConsoleOutcome.rendered(() -> {
            try {
                return view.get();
            } catch (EvaluationFailedException failed) {
                throw new Unprocessable(failed.reason() + ": " + failed.getMessage());
            }
        });
    }
}
