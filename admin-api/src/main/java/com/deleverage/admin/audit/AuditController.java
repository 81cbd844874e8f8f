package com.deleverage.admin.audit;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.security.Identities;
import com.deleverage.admin.security.Roles;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/** The audit trail for compliance: read it page by page, and verify its hash chain. */
@Controller("/api/v1/audit")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(Roles.AUDITOR)
@ApiProblems.Common
public class AuditController {
    private static final int MAX_PAGE_SIZE = 500;
    private static final String SIZE = "out of range: 1 to " + MAX_PAGE_SIZE;

    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Get
    @Operation(summary = "The audit trail, oldest first, page by page; optionally only one rule set's, actor's or action's rows")
    @ApiProblems.BadRequest
    public AuditPage page(@QueryValue(defaultValue = "0") @PositiveOrZero(message = "out of range: 0 or more") int page,
                          @QueryValue(defaultValue = "50") @Min(value = 1, message = SIZE)
                          @Max(value = MAX_PAGE_SIZE, message = SIZE) int size,
                          @Nullable @QueryValue String ruleSet, @Nullable @QueryValue String actor,
                          @Nullable @QueryValue AuditAction action) {
        AuditFilter filter = new AuditFilter(ruleSet, actor == null ? null : Identities.canonical(actor), action);
        return new AuditPage(page, size, auditLog.count(filter), auditLog.page(filter, (long) page * size, size));
    }

    @Get("/verify")
    @Operation(summary = "Recompute the audit chain and decision seals and compare them with heads and checkpoint")
    public ChainVerification verify() {
        return auditLog.verify();
    }
}
