package com.deleverage.admin.decision;

import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.engine.snapshot.InputProblem;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Pattern;

/** One logged decision by its id: InvalidInput for an id that is not a UUID, NotFound for an unknown one. */
@Singleton
public class DecisionLookup {
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final DecisionLogRepository log;

    public DecisionLookup(DecisionLogRepository log) {
        this.log = log;
    }

    public DecisionRecord find(String id) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidInput("a decision id is a UUID", List.of(new InputProblem("id", "not a UUID")));
        }
        return log.find(id).orElseThrow(() -> new NotFound("no decision '" + id + "' in the log"));
    }
}
