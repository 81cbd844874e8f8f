package com.deleverage.engine.snapshot;

import java.util.List;
import java.util.stream.Collectors;

/** A snapshot that cannot be evaluated; nothing was evaluated or changed. */
public final class InvalidSnapshotException extends RuntimeException {
    private final transient List<InputProblem> problems;

    public InvalidSnapshotException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
