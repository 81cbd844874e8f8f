package com.deleverage.admin.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Turns a {@link Problem} into its HTTP response. */
public final class ProblemResponses {
    public static final String PROBLEM_JSON_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.of(PROBLEM_JSON_TYPE);

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(Problem problem) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                .contentType(PROBLEM_JSON)
                .body(problem);
    }
}
