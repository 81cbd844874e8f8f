package com.deleverage.admin.decision;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.security.Roles;
import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.engine.snapshot.SnapshotValidator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The decision log for auditors: one decision, a search by account and time, and replay. */
@Controller("/api/v1/decisions")
@ExecuteOn(RequestExecutors.ADMIN)
@Secured(Roles.AUDITOR)
@Tag(name = "decisions")
@ApiProblems.Common
public class DecisionController {
    private static final int MAX_PAGE_SIZE = 500;
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final DecisionLogRepository log;
    private final DecisionReplay replay;

    public DecisionController(DecisionLogRepository log, DecisionReplay replay) {
        this.log = log;
        this.replay = replay;
    }

    /** The logged decision: the response as sent (with each action's explanation), its input, hashes and timing. */
    @Get("/{id}")
    @Operation(summary = "One logged decision")
    @ApiProblems.BadRequest
    @ApiProblems.NotFound
    public DecisionEntry decision(String id) {
        return DecisionEntry.of(find(id));
    }

    /**
     * Decisions evaluated in {@code [from, to)} (ISO-8601 instants; default: the last 24 hours up to now),
     * newest first, optionally only those about {@code account}; {@code page} from 0, {@code size} 1 to 500.
     */
    @Get
    @Operation(summary = "Search the decision log by account and time")
    @ApiProblems.BadRequest
    public DecisionPage search(@Nullable @QueryValue String account, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String page,
                             @Nullable @QueryValue String size) {
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
        return new DecisionPage(account, since, until, pageNo, pageSize, log.count(account, since, until),
                log.search(account, since, until, (long) pageNo * pageSize, pageSize));
    }

    /** Re-evaluates the decision from its logged input and version and says whether it is reproduced exactly. */
    @Post("/{id}/replay")
    @ExecuteOn(RequestExecutors.COMPILE) // compiles the decision's version unless it is cached
    @Operation(summary = "Re-evaluate a logged decision and compare")
    @ApiProblems.RunsAVersion
    public DecisionReplayResult replay(String id) {
        find(id);
        return replay.replay(id);
    }

    private DecisionRecord find(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidInput("a decision id is a UUID", List.of(new InputProblem("id", "not a UUID")));
        }
        return log.find(id).orElseThrow(() -> new NotFound("no decision '" + id + "' in the log"));
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
