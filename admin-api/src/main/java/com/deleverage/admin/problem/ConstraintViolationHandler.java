package com.deleverage.admin.problem;

import com.deleverage.engine.snapshot.InputProblem;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request whose body record, query parameter or header breaks a jakarta constraint: 400 problem+json with
 * every offending field named as the client wrote it ({@code reason}, {@code size}), like every other bad input.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException exception) {
        List<InputProblem> errors = exception.getConstraintViolations().stream()
                .map(ConstraintViolationHandler::error)
                .sorted(Comparator.comparing(InputProblem::field).thenComparing(InputProblem::message))
                .toList();
        return ProblemResponses.of(Problem.of(HttpStatus.BAD_REQUEST, "the request is invalid: "
                + errors.stream().map(InputProblem::toString).collect(Collectors.joining("; "))).withErrors(errors));
    }

    private static InputProblem error(ConstraintViolation<?> violation) {
        return new InputProblem(field(violation.getPropertyPath()), violation.getMessage());
    }

    /**
     * The violation's path without the method: a body property's path inside the body ({@code reason}), or the
     * parameter's own name for a query value or header ({@code size}).
     */
    static String field(Path path) {
        String parameter = "";
        StringBuilder inside = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    // the Java method is no part of the request
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    if (node.isInIterable()) {
                        inside.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        inside.append(inside.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
            }
        }
        return inside.isEmpty() ? parameter : inside.toString();
    }
}
