package com.deleverage.admin.evaluation;

import com.deleverage.admin.metrics.PlatformMetrics;
import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemResponses;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A snapshot that breaks the input rules: 400 with every offending field; nothing was evaluated or logged. */
@Produces
@Singleton
public class InvalidSnapshotHandler implements ExceptionHandler<InvalidSnapshotException, HttpResponse<Problem>> {
    private final PlatformMetrics metrics;

    public InvalidSnapshotHandler(PlatformMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidSnapshotException exception) {
        metrics.invalidInput();
        int count = exception.problems().size();
        return ProblemResponses.of(Problem.of(HttpStatus.BAD_REQUEST, "the snapshot is invalid (" + count
                        + (count == 1 ? " problem" : " problems") + "): " + exception.getMessage())
                .withErrors(exception.problems()));
    }
}
