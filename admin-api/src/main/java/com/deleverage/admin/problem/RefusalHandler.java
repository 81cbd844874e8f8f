package com.deleverage.admin.problem;

import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.Forbidden;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.LimitExceeded;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.refusal.Refusal;
import com.deleverage.admin.refusal.Unavailable;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.admin.ruleset.FindingView;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one place that knows which HTTP status each kind of refusal is, and renders it as problem+json. */
@Produces
@Singleton
public class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Refusal refusal) {
        return ProblemResponses.of(problem(refusal));
    }

    /** The problem (status and detail) a refusal is answered with; the console shows the same. */
    public static Problem problem(Refusal refusal) {
        String detail = refusal.getMessage();
        return switch (refusal) {
            case InvalidInput invalid -> Problem.of(HttpStatus.BAD_REQUEST, detail).withErrors(invalid.errors());
            case Forbidden ignored -> Problem.of(HttpStatus.FORBIDDEN, detail);
            case NotFound ignored -> Problem.of(HttpStatus.NOT_FOUND, detail);
            case Conflict ignored -> Problem.of(HttpStatus.CONFLICT, detail);
            case Unprocessable failed -> Problem.of(HttpStatus.UNPROCESSABLE_ENTITY, detail)
                    .withFindings(failed.findings().stream().map(FindingView::of).toList());
            case LimitExceeded ignored -> Problem.of(HttpStatus.TOO_MANY_REQUESTS, detail);
            case Unavailable ignored -> Problem.of(HttpStatus.SERVICE_UNAVAILABLE, detail);
        };
    }
}
