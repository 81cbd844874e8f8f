package com.deleverage.admin.refusal;

import com.deleverage.engine.snapshot.InputProblem;

import java.util.List;

/** The request's input breaks a rule; {@link #errors()} names every offending field. */
public final class InvalidInput extends Refusal {
    private final transient List<InputProblem> errors;

    public InvalidInput(String detail, List<InputProblem> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    /** One offending field: its detail is that field and what is wrong with it. */
    public static InvalidInput of(String field, String message) {
        return new InvalidInput(field + ": " + message, List.of(new InputProblem(field, message)));
    }

    public List<InputProblem> errors() {
        return errors;
    }
}
