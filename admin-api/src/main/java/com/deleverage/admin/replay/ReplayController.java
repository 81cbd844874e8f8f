package com.deleverage.admin.replay;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.security.Principal;

/**
 * Replay as an asynchronous job for policy authors and approvers: submit ({@code POST}, 202 with the job and
 * its {@code Location}), poll ({@code GET /{id}}), fetch the report ({@code /report} JSON, {@code /report.html}),
 * cancel ({@code DELETE}).
 */
@Controller(ReplayController.BASE)
@ExecuteOn(RequestExecutors.ADMIN)
@Secured({Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER})
@Tag(name = "replays")
@ApiProblems.Common
public class ReplayController {
    static final String BASE = "/api/v1/replays";

    private final ReplayJobs jobs;

    public ReplayController(ReplayJobs jobs) {
        this.jobs = jobs;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @ApiProblems.TakesABody
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Submit a replay of versions over a price path; it runs as a job")
    public HttpResponse<ReplayJobView> submit(@Body ReplaySubmission submission, Principal user) {
        ReplayJob job = jobs.submit(submission, user.getName());
        ReplayJobView view = job.view();
        return HttpResponse.<ReplayJobView>status(HttpStatus.ACCEPTED).body(view)
                .headers(h -> h.location(URI.create(view.links().self())));
    }

    @Get("/{id}")
    @Operation(summary = "The job: its state and progress")
    @ApiProblems.NotFound
    public ReplayJobView job(String id) {
        return find(id).view();
    }

    @Get(value = "/{id}/report", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "The report of a job that has SUCCEEDED, as JSON")
    @ApiResponse(responseCode = "200", description = "the report (docs/backtesting.md)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/ReplayReport")))
    @ApiProblems.NotFoundOrConflict
    public String report(String id) {
        ReplayJob job = finished(id);
        return job.reportJson();
    }

    @Get(value = "/{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The report of a job that has SUCCEEDED, as a self-contained HTML page with charts")
    @ApiProblems.NotFoundOrConflict
    public String reportHtml(String id) {
        ReplayJob job = finished(id);
        return job.reportHtml();
    }

    /** Cancels a job that has not finished: 202 with the job (a running job stops before its next tick). */
    @Delete("/{id}")
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel a job that has not finished")
    @ApiProblems.NotFoundOrConflict
    public ReplayJobView cancel(String id, Principal user) {
        ReplayJob job = find(id);
        if (!jobs.cancel(job, user.getName())) {
            throw new Conflict("replay " + id + " has already finished (" + job.state()
                    + "); there is nothing to cancel");
        }
        return job.view();
    }

    private ReplayJob find(String id) {
        return jobs.find(id).orElseThrow(() -> new NotFound("no replay " + id
                + " (finished replays are kept in memory for a while, and not across a restart)"));
    }

    private ReplayJob finished(String id) {
        ReplayJob job = find(id);
        ReplayState state = job.state();
        if (state != ReplayState.SUCCEEDED) {
            throw new Conflict("replay " + id + " is " + state + "; its report exists once it has "
                    + "SUCCEEDED" + (state.finished() ? "" : ": poll " + BASE + "/" + id));
        }
        return job;
    }
}
