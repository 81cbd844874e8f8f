package com.deleverage.admin.problem;

import io.micronaut.http.HttpStatus;

import java.util.List;

/** A request the platform refuses, with the problem the client gets back. Nothing was changed. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail, List<Problem.FieldError> errors) {
        return of(HttpStatus.BAD_REQUEST, detail).withErrors(errors);
    }

    public static ProblemException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, detail);
    }

    public static ProblemException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(HttpStatus.CONFLICT, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return of(HttpStatus.UNPROCESSABLE_ENTITY, detail);
    }

    private static ProblemException of(HttpStatus status, String detail) {
        return new ProblemException(Problem.of(status.getCode(), status.getReason(), detail));
    }

    private ProblemException withErrors(List<Problem.FieldError> errors) {
        return new ProblemException(problem.withErrors(errors));
    }

    public ProblemException withFindings(List<?> findings) {
        return new ProblemException(problem.withFindings(findings));
    }
}
