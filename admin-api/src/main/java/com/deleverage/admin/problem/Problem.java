package com.deleverage.admin.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 *
 * @param type     {@code about:blank}: the status and title say what kind of problem it is
 * @param title    the status' reason phrase
 * @param status   the HTTP status
 * @param detail   what went wrong with this request, in words that say how to fix it
 * @param errors   the offending input fields, when the request itself was wrong
 * @param findings validation findings, when a policy was the problem
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      List<?> findings) {

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of(), List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors), findings);
    }

    public Problem withFindings(List<?> validationFindings) {
        return new Problem(type, title, status, detail, errors, List.copyOf(validationFindings));
    }

    /** One offending input field: its path in the request ({@code accounts[0].walletBalance}) and what is wrong. */
    public record FieldError(String field, String message) {
    }
}
