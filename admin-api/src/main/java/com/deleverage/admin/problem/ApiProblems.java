package com.deleverage.admin.problem;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;

/**
 * The problem responses of the OpenAPI document, as annotations an operation wears for the statuses it really
 * answers: each refers to a response of {@code src/main/openapi/problems.yml} (merged into the document at
 * build time), whose body is the {@link Problem} schema. {@link Common} goes on every controller.
 */
public final class ApiProblems {
    private static final String BAD_REQUEST = "#/components/responses/BadRequest";
    private static final String NOT_FOUND = "#/components/responses/NotFound";
    private static final String CONFLICT = "#/components/responses/Conflict";
    private static final String UNPROCESSABLE = "#/components/responses/Unprocessable";

    private ApiProblems() {
    }

    /** What any endpoint may answer: 401 without accepted credentials, 403 for a role that may not, 429 at a limit. */
    @ApiResponse(responseCode = "401", description = "no credentials, or credentials that are not accepted",
            content = @Content(mediaType = ProblemResponses.PROBLEM_JSON_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    public @interface Common { }

    /**
     * 400: a parameter or a header breaks a rule; {@code errors} names every offending one.
     */
    @ApiResponse(responseCode = "400", ref = BAD_REQUEST) public @interface BadRequest { }

    /**
     * What an operation that takes a JSON body answers for a body it cannot take: 400 (malformed JSON, a duplicate
     * key, an unknown field, a decimal out of bounds, a missing or invalid value; every field named), 413 too large,
     * 415 not JSON.
     */
    @ApiResponses({@ApiResponse(responseCode = "400", ref = BAD_REQUEST),
            @ApiResponse(responseCode = "413", ref = "#/components/responses/PayloadTooLarge"),
            @ApiResponse(responseCode = "415", ref = "#/components/responses/UnsupportedMediaType")})
    public @interface TakesABody { }

    /** 404: the rule set, version, decision, replay or shadow run named does not exist. */
    @ApiResponse(responseCode = "404", ref = NOT_FOUND) public @interface NotFound { }

    /**
     * 404 or 409: the object named does not exist, or its state does not allow this now (a version in the wrong
     * state, another activation in progress, a replay not or already finished).
     */
    @ApiResponses({@ApiResponse(responseCode = "404", ref = NOT_FOUND), @ApiResponse(responseCode = "409", ref = CONFLICT)})
    public @interface NotFoundOrConflict { }

    /** 422: a policy could not decide or no longer compiles, or a decision exceeded its limits. */
    @ApiResponse(responseCode = "422", ref = UNPROCESSABLE) public @interface Unprocessable { }

    /**
     * What an operation that runs a stored version on a request answers besides success: 400 for the request, 404 for
     * the rule set or version, 409 for the version's state, 422 when the version no longer compiles or cannot decide.
     */
    @ApiResponses({@ApiResponse(responseCode = "400", ref = BAD_REQUEST), @ApiResponse(responseCode = "404", ref = NOT_FOUND),
            @ApiResponse(responseCode = "409", ref = CONFLICT), @ApiResponse(responseCode = "422", ref = UNPROCESSABLE)})
    public @interface RunsAVersion { }

    /** 503: the decision log cannot take a decision now; nothing was decided. */
    @ApiResponse(responseCode = "503", ref = "#/components/responses/Unavailable") public @interface Unavailable { }
}
