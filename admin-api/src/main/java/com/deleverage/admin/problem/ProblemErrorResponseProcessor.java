package com.deleverage.admin.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The framework's own error responses (unknown route, wrong method or media type, unreadable body,
 * missing credentials, forbidden role, unexpected failure) as problem+json, like the platform's.
 * Server errors never echo internals: they are logged and the client gets a generic detail.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.status();
        Problem problem = Problem.of(status.getCode(), status.getReason(), detail(context, status));
        @SuppressWarnings("unchecked")
        MutableHttpResponse<Problem> response = (MutableHttpResponse<Problem>) base;
        return response.contentType(ProblemResponses.PROBLEM_JSON).body(problem);
    }

    private static String detail(ErrorContext context, HttpStatus status) {
        if (status.getCode() >= 500) {
            context.getRootCause().ifPresent(e -> LOG.error("request {} failed", context.getRequest(), e));
            return "the platform failed to handle this request; the error is logged";
        }
        return switch (status) {
            case UNAUTHORIZED -> "authentication required: send HTTP Basic credentials or a bearer token";
            case FORBIDDEN -> "your role does not allow this request";
            case NOT_FOUND -> "no such resource: " + context.getRequest().getPath();
            default -> messages(context.getErrors(), status);
        };
    }

    private static String messages(List<Error> errors, HttpStatus status) {
        String joined = errors.stream().map(Error::getMessage).collect(Collectors.joining("; "));
        return joined.isEmpty() ? status.getReason() : joined;
    }
}
