package com.deleverage.admin.console.review;

import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.console.ConsolePage;
import com.deleverage.admin.console.ConsoleUser;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.ruleset.DiffView;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetRow;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.VersionComparison;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.admin.security.Identities;
import io.micronaut.http.HttpRequest;
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

import java.util.List;
import java.util.Map;

/**
 * Console page 3: one version under review: its changes against the active version (or, for the active version
 * itself, against the one before it) side by side with the parameter values that moved, its findings, its
 * scenarios and a dry run on demand ({@link ReviewChecks}), and the actions the reader's roles and the version's
 * state allow, each with a confirmation that says what will change ({@link ReviewActions} performs them).
 */
@Controller("/console/rulesets/{name}/versions/{version}")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ReviewPages {
    private final VersionComparison comparison;
    private final RuleSetRepository repository;
    private final ConsolePage page;

    public ReviewPages(VersionComparison comparison, RuleSetRepository repository, ConsolePage page) {
        this.comparison = comparison;
        this.repository = repository;
        this.page = page;
    }

    @Get
    @View("console/review")
    public Map<String, Object> review(String name, int version, HttpRequest<?> request, Authentication authentication) {
        RuleSetVersion reviewed = comparison.find(name, version);
        Integer active = repository.ruleSet(name).map(RuleSetRow::activeVersion).orElse(null);
        Integer against = active != null && active != version ? active : version > 1 ? Integer.valueOf(version - 1) : null;
        ConsoleUser user = ConsoleUser.of(authentication);

        Map<String, Object> model = page.model("rulesets", name + " v" + version, request, authentication);
        model.put("ruleSet", name);
        model.put("v", reviewed);
        model.put("actionPath", "/console/rulesets/" + name + "/versions/" + version);
        model.put("active", active);
        model.put("against", against);
        Map<String, String> before = against == null ? Map.of() : repository.files(name, against);
        Map<String, String> after = against == null ? Map.of() : repository.files(name, version);
        model.put("diffs", against == null ? List.of() : sideBySide(against, version, before, after));
        model.put("parameters", against == null ? List.of() : DiffView.parameters(before, after));
        boolean own = Identities.same(reviewed.author(), user.name());
        model.put("ownVersion", own);
        model.put("mayApprove", user.canApprove() && !own && reviewed.state() == VersionState.VALIDATED);
        model.put("mayDryRun", user.canReplay()
                && CandidateVersions.VALIDATED_OR_LATER.contains(reviewed.state()));
        model.put("mayActivate", user.canOperate() && reviewed.state() == VersionState.APPROVED);
        model.put("mayRollBack", user.canOperate() && active != null && reviewed.state() == VersionState.RETIRED);
        model.put("confirmApprove", "Approve " + name + " v" + version + " (" + reviewed.hash() + "), staged by "
                + reviewed.author() + "? It becomes APPROVED, and an operator may then make it the active version.");
        model.put("confirmActivate", "Activate " + name + " v" + version + "? Every evaluation will use v" + version
                + " (" + reviewed.hash() + ") instead of " + (active == null ? "no version" : "v" + active)
                + "; v" + (active == null ? "-" : active) + " becomes RETIRED.");
        model.put("confirmRollBack", "Roll back " + name + " from v" + active + " to v" + version
                + "? Every evaluation will use v" + version + " (" + reviewed.hash() + ") again; v" + active
                + " becomes RETIRED.");
        return model;
    }

    /** The files that differ (as the diff endpoint lists them), each side by side; each version's files read once. */
    private static List<SideBySide> sideBySide(int against, int version, Map<String, String> before,
                                               Map<String, String> after) {
        return DiffView.files("v" + against, before, "v" + version, after).stream()
                .map(f -> SideBySide.of(f.path(), f.change(), before.get(f.path()), after.get(f.path()))).toList();
    }
}
