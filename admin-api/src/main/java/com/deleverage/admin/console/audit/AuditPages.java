package com.deleverage.admin.console.audit;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEntry;
import com.deleverage.admin.audit.AuditFilter;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.console.ConsolePage;
import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.security.Identities;
import com.deleverage.admin.security.Roles;
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

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Console page 5: the hash-chained audit trail, newest first, filtered by rule set, actor and action, under
 * the result of verifying the whole chain (the same check as {@code GET /api/v1/audit/verify}).
 */
@Controller("/console/audit")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(Roles.AUDITOR)
@Produces(MediaType.TEXT_HTML)
@Hidden
public class AuditPages {
    static final int PAGE_SIZE = 100;

    private final AuditLog auditLog;
    private final ConsolePage page;

    public AuditPages(AuditLog auditLog, ConsolePage page) {
        this.auditLog = auditLog;
        this.page = page;
    }

    @Get
    @View("console/audit")
    public Map<String, Object> audit(@Nullable @QueryValue String ruleSet, @Nullable @QueryValue String actor,
                                     @Nullable @QueryValue String action, @QueryValue(defaultValue = "0") int page,
                                     HttpRequest<?> request, Authentication authentication) {
        AuditFilter filter = new AuditFilter(blankToNull(ruleSet),
                blankToNull(actor) == null ? null : Identities.canonical(actor), action(action));
        long total = auditLog.count(filter);
        int pageNo = Math.max(0, page);
        // Newest first: page 0 is the end of the chain.
        long end = Math.max(0, total - (long) pageNo * PAGE_SIZE);
        long start = Math.max(0, end - PAGE_SIZE);
        List<AuditEntry> entries = end == start ? List.of() : auditLog.page(filter, start, (int) (end - start)).reversed();

        Map<String, Object> model = this.page.model("audit", "Audit", request, authentication);
        model.put("verification", auditLog.verify());
        model.put("entries", entries);
        model.put("total", total);
        model.put("pageNo", pageNo);
        model.put("hasOlder", start > 0);
        model.put("filter", filter);
        model.put("actions", Arrays.stream(AuditAction.values()).map(Enum::name).toList());
        return model;
    }

    private static AuditAction action(String action) {
        String name = blankToNull(action);
        return name == null ? null : Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(name))
                .findFirst().orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
