package com.deleverage.admin.evaluation;

import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemResponses;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * An evaluation that produced no decision: 404 when the rule set has no active version, otherwise 422
 * with the reason (the policy looped, ran out of time or a rule threw). Fail closed, never a 5xx for a
 * snapshot the policy could not handle.
 */
@Produces
@Singleton
public class EvaluationFailedHandler implements ExceptionHandler<EvaluationFailedException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, EvaluationFailedException exception) {
        HttpStatus status = exception.reason() == EvaluationFailedException.Reason.NO_ACTIVE_VERSION
                ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
        return ProblemResponses.of(Problem.of(status, exception.reason() + ": " + exception.getMessage()));
    }
}
