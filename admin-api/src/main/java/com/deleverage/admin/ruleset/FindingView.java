package com.deleverage.admin.ruleset;

import com.deleverage.engine.compile.Finding;
import io.micronaut.core.annotation.Nullable;

/** A validation finding as the API shows it; {@code docs/errors/<code>.md} explains each code. */
public record FindingView(String code, String severity, String file, int line, int column, @Nullable String rule,
                          String message) {
    public static FindingView of(Finding finding) {
        return new FindingView(finding.code(), finding.severity().name(), finding.file(), finding.line(),
                finding.column(), finding.rule(), finding.message());
    }
}
