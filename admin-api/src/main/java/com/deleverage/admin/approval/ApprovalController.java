package com.deleverage.admin.approval;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.ruleset.VersionView;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.security.Principal;

/** {@code POST /rulesets/{name}/versions/{version}/approve}: the second person's approval. */
@Controller("/api/v1/rulesets")
@ExecuteOn(RequestExecutors.ADMIN)
@ApiProblems.Common
public class ApprovalController {
    private final ApprovalService approvals;

    public ApprovalController(ApprovalService approvals) {
        this.approvals = approvals;
    }

    /** Approves a validated version: a second person, not its author (403 for the author). */
    @Post("/{name}/versions/{version}/approve")
    @ApiProblems.NotFoundOrConflict
    @Secured(Roles.POLICY_APPROVER)
    public VersionView approve(String name, int version, Principal approver) {
        return VersionView.of(approvals.approve(name, version, approver.getName()));
    }
}
