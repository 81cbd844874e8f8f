package com.deleverage.admin.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * Which audit rows to read: those of one rule set, one actor and/or one action; a null criterion matches
 * every row. The actor is compared in its canonical spelling, as it was recorded.
 */
public record AuditFilter(@Nullable String ruleSet, @Nullable String actor, @Nullable AuditAction action) {
    public static final AuditFilter ALL = new AuditFilter(null, null, null);

    /** The SQL condition (with a leading WHERE, or empty) and its parameters in order. */
    String where() {
        List<String> conditions = new ArrayList<>();
        if (ruleSet != null) {
            conditions.add("rule_set = ?");
        }
        if (actor != null) {
            conditions.add("actor = ?");
        }
        if (action != null) {
            conditions.add("action = ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    List<String> parameters() {
        List<String> parameters = new ArrayList<>();
        if (ruleSet != null) {
            parameters.add(ruleSet);
        }
        if (actor != null) {
            parameters.add(actor);
        }
        if (action != null) {
            parameters.add(action.name());
        }
        return parameters;
    }
}
