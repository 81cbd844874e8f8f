package com.deleverage.admin.problem;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The problem responses of the OpenAPI document, as annotations an operation wears for each status it really
 * answers: each refers to a response of {@code src/main/openapi/problems.yml} (merged into the document at
 * build time), whose body is the {@link Problem} schema. {@link Common} goes on every controller.
 */
public final class ApiProblems {
    private static final String RESPONSES = "#/components/responses/";

    private ApiProblems() {
    }

    /** What any endpoint may answer: 401 without accepted credentials, 403 for a role that may not, 429 at a limit. */
    @ApiResponse(responseCode = "401", description = "no credentials, or credentials that are not accepted",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", ref = RESPONSES + "Forbidden")
    @ApiResponse(responseCode = "429", ref = RESPONSES + "TooManyRequests")
    public @interface Common { }

    /**
     * 400: the body, a parameter or a header breaks a rule; {@code errors} names every offending field (malformed
     * JSON, a duplicate key, an unknown field, a decimal out of bounds, a missing or invalid value).
     */
    @ApiResponse(responseCode = "400", ref = RESPONSES + "BadRequest") public @interface BadRequest { }

    /** 404: the rule set, version, decision, replay or shadow run named does not exist. */
    @ApiResponse(responseCode = "404", ref = RESPONSES + "NotFound") public @interface NotFound { }

    /**
     * 404 or 409: the object named does not exist, or its state does not allow this now (a version in the wrong
     * state, another activation in progress, a replay not or already finished).
     */
    @ApiResponse(responseCode = "404", ref = RESPONSES + "NotFound")
    @ApiResponse(responseCode = "409", ref = RESPONSES + "Conflict")
    public @interface NotFoundOrConflict { }

    /** 422: a policy could not decide or no longer compiles, or a decision exceeded its limits. */
    @ApiResponse(responseCode = "422", ref = RESPONSES + "Unprocessable") public @interface Unprocessable { }

    /**
     * What an operation that runs a stored version on a request answers besides success: 400 for the request, 404 for
     * the rule set or version, 409 for the version's state, 422 when the version no longer compiles or cannot decide.
     */
    @ApiResponse(responseCode = "400", ref = RESPONSES + "BadRequest")
    @ApiResponse(responseCode = "404", ref = RESPONSES + "NotFound")
    @ApiResponse(responseCode = "409", ref = RESPONSES + "Conflict")
    @ApiResponse(responseCode = "422", ref = RESPONSES + "Unprocessable")
    public @interface RunsAVersion { }

    /** 503: the decision log cannot take a decision now; nothing was decided. */
    @ApiResponse(responseCode = "503", ref = RESPONSES + "Unavailable") public @interface Unavailable { }
}
