package com.deleverage.admin.audit;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemException;
import com.deleverage.admin.security.Roles;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/** The audit trail for compliance: read it page by page, and verify its hash chain. */
@Controller("/api/v1/audit")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(Roles.AUDITOR)
public class AuditController {
    private static final int MAX_PAGE_SIZE = 500;

    private final AuditLog auditLog;

    public AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Get
    public AuditPage page(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE,
                    List.of(new Problem.FieldError(page < 0 ? "page" : "size", "out of range")));
        }
        return new AuditPage(page, size, auditLog.count(), auditLog.page((long) page * size, size));
    }

    @Get("/verify")
    public ChainVerification verify() {
        return auditLog.verify();
    }
}
