package com.deleverage.engine.compile;

import java.util.Objects;

/**
 * One validation finding, located as precisely as the source allows.
 *
 * @param code     stable identifier with a documentation page under {@code docs/errors/<code>.md}
 * @param severity ERROR rejects the version
 * @param file     path of the file in the version, or null when the finding is about the whole version
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param rule     name of the rule the finding is in, or null
 * @param message  what is wrong, in the policy author's terms
 */
public record Finding(String code, Severity severity, String file, int line, int column, String rule,
                      String message) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
