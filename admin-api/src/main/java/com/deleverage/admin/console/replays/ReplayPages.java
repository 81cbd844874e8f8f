package com.deleverage.admin.console.replays;

import com.deleverage.admin.console.ConsoleOutcome;
import com.deleverage.admin.console.ConsolePage;
import com.deleverage.admin.console.ConsoleTime;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.replay.ReplayJob;
import com.deleverage.admin.replay.ReplayJobs;
import com.deleverage.admin.replay.ReplayState;
import com.deleverage.admin.replay.ReplaySubmission;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.HttpRequest;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.View;
import io.swagger.v3.oas.annotations.Hidden;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/**
 * Console page 6: replays of stored versions over a bundled crash ({@link CrashPreset}), for the roles that may
 * submit replays over the API (POLICY_AUTHOR, POLICY_APPROVER). The list of this node's jobs, a form to start
 * one, a job's page whose progress refreshes itself until the job ends, and its HTML report. Each is the same
 * {@link ReplayJobs} call as the replay API, audited the same way.
 */
@Controller("/console/replays")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured({Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER})
@Produces(MediaType.TEXT_HTML)
@Hidden
public class ReplayPages {
    private static final String RULE_SET = "deleveraging";
    private static final String VERSION_FIELD = "version-";

    private final ReplayJobs jobs;
    private final RuleSetRepository repository;
    private final ConsolePage page;

    public ReplayPages(ReplayJobs jobs, RuleSetRepository repository, ConsolePage page) {
        this.jobs = jobs;
        this.repository = repository;
        this.page = page;
    }

    @Get
    @View("console/replays")
    public Map<String, Object> replays(HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = page.model("replays", "Replays", request, authentication);
        model.put("ruleSet", RULE_SET);
        model.put("presets", CrashPreset.BUNDLED);
        model.put("versions", repository.versions(RULE_SET).stream()
                .filter(v -> CandidateVersions.VALIDATED_OR_LATER.contains(v.state())).toList());
        model.put("jobs", jobs.recent());
        return model;
    }

    /** Starts a replay of the ticked versions ({@code version-N=on}) over the chosen crash; then its page. */
    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> start(@Body Map<String, String> form, Principal user) {
        return ConsoleOutcome.goTo(() -> "/console/replays/" + jobs.submit(submission(form), user.getName()).id());
    }

    @Get("/{id}")
    @View("console/replay")
    public Map<String, Object> job(String id, HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = page.model("replays", "Replay " + id, request, authentication);
        model.put("job", find(id).view());
        return model;
    }

    /** The job's progress section, which htmx polls while the job runs and which stops polling once it ends. */
    @Get("/{id}/progress")
    @View("console/replay-progress")
    public Map<String, Object> progress(String id) {
        return Map.of("job", find(id).view(), "time", ConsoleTime.UTC);
    }

    @Get("/{id}/report")
    public HttpResponse<String> report(String id) {
        return ConsoleOutcome.page(() -> {
            ReplayJob job = find(id);
            if (job.state() != ReplayState.SUCCEEDED) {
                throw new Conflict("this replay is " + job.state() + "; its report exists once it has SUCCEEDED");
            }
            return job.reportHtml();
        });
    }

    private ReplayJob find(String id) {
        return jobs.find(id).orElseThrow(() -> new NotFound("no replay " + id
                + " (finished replays are kept in memory for a while, and not across a restart)"));
    }

    private static ReplaySubmission submission(Map<String, String> form) {
        CrashPreset preset = CrashPreset.named(form.getOrDefault("crash", ""))
                .orElseThrow(() -> InvalidInput.of("crash", "choose one of the bundled crashes"));
        List<Integer> versions = form.keySet().stream().filter(k -> k.startsWith(VERSION_FIELD))
                .map(k -> k.substring(VERSION_FIELD.length())).filter(v -> v.matches("[0-9]{1,9}"))
                .map(Integer::valueOf).sorted().toList();
        if (versions.isEmpty()) {
            throw InvalidInput.of("versions", "tick at least one version to replay");
        }
        return new ReplaySubmission(RULE_SET, versions, null, List.of(preset.prices()), preset.symbol(),
                preset.from(), preset.to(), null, null, null, null, insuranceFund(form.get("insuranceFund")), null, null);
    }

    private static BigDecimal insuranceFund(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal fund = new BigDecimal(text.strip());
            if (fund.signum() < 0) {
                throw InvalidInput.of("insuranceFund", "the insurance fund cannot be negative");
            }
            return fund;
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.of("insuranceFund", "the insurance fund is a plain decimal in USDT, e.g. 50000");
        }
    }
}
