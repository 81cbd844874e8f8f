package com.deleverage.admin.decision;

import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.engine.snapshot.SnapshotValidator;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A search of the decision log as asked for in text (query parameters, the console's form), checked: decisions
 * evaluated in {@code [from, to)} (default: the 24 hours up to now), optionally only those about
 * {@code account}; page from 0, size 1 to {@value #MAX_PAGE_SIZE} (default 50). Every bad parameter is
 * named in one {@link InvalidInput}.
 */
public record DecisionQuery(@Nullable String account, Instant from, Instant to, int page, int size) {
    public static final int MAX_PAGE_SIZE = 500;

    public static DecisionQuery parse(@Nullable String account, @Nullable String from, @Nullable String to,
                                      @Nullable String page, @Nullable String size) {
        List<InputProblem> errors = new ArrayList<>();
        Instant until = instant("to", to, Instant.now(), errors);
        Instant since = instant("from", from, until == null ? null : until.minusSeconds(86_400), errors);
        int pageNo = integer("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = integer("size", size, 50, 1, MAX_PAGE_SIZE, errors);
        if (account != null && (account.isBlank() || account.length() > 128)) {
            errors.add(new InputProblem("account", "1 to 128 characters"));
        }
        if (errors.isEmpty() && !since.isBefore(until)) {
            errors.add(new InputProblem("from", "must be before to"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("invalid query: " + errors.stream()
                    .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), errors);
        }
        return new DecisionQuery(account, since, until, pageNo, pageSize);
    }

    /** This page's decisions and the count of every match, from the log. */
    public DecisionPage run(DecisionLogRepository log) {
        return new DecisionPage(account, from, to, page, size, log.count(account, from, to),
                log.search(account, from, to, (long) page * size, size));
    }

    private static Instant instant(String field, String text, Instant fallback, List<InputProblem> errors) {
        if (text == null) {
            return fallback;
        }
        try {
            Instant instant = Instant.parse(text);
            // The same range as a snapshot's asOf: what timestamp-with-time-zone columns hold on every database.
            if (instant.isBefore(SnapshotValidator.EARLIEST_AS_OF) || instant.isAfter(SnapshotValidator.LATEST_AS_OF)) {
                errors.add(new InputProblem(field, "must be from " + SnapshotValidator.EARLIEST_AS_OF
                        + " to 9999-12-31T23:59:59Z"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(new InputProblem(field, "not an ISO-8601 instant such as 2025-10-10T21:15:00Z"));
            return null;
        }
    }

    private static int integer(String field, String text, int fallback, int min, int max,
                               List<InputProblem> errors) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new InputProblem(field, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? "" : " to " + max)));
        return fallback;
    }
}
