package com.deleverage.admin.problem;

import com.deleverage.admin.ruleset.FindingView;
import com.deleverage.engine.snapshot.InputProblem;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type     {@code about:blank}: the status and title say what kind of problem it is
 * @param title    the status' reason phrase
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, in words that say how to fix it
 * @param errors   the offending input fields, when the request itself was wrong: {@code field} is the path in
 *                 the request ({@code accounts[0].walletBalance}), a query parameter's or header's name, or
 *                 {@code ""} for the body as a whole
 * @param findings validation findings, when a policy was the problem
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json); errors and findings "
        + "are left out when empty")
public record Problem(String type, String title, int status, String detail,
                      @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<InputProblem> errors,
                      @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FindingView> findings) {

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), List.of());
    }

    public static Problem of(HttpStatus status, String detail) {
        return of(status.getCode(), status.getReason(), detail);
    }

    public Problem withErrors(List<InputProblem> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors), findings);
    }

    public Problem withFindings(List<FindingView> validationFindings) {
        return new Problem(type, title, status, detail, errors, List.copyOf(validationFindings));
    }
}
