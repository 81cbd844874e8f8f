package com.deleverage.admin.audit;

import java.util.List;

/** One page of the audit log, oldest first. */
public record AuditPage(int page, int size, long total, List<AuditEntry> entries) {
}
