package com.deleverage.admin.refusal;

import com.deleverage.engine.compile.Finding;

import java.util.List;

/**
 * The request is valid but cannot be carried out with what it names: a policy that no longer compiles or
 * could not decide, a decision beyond the limits, an Idempotency-Key used for another snapshot.
 */
public final class Unprocessable extends Refusal {
    private final transient List<Finding> findings;

    public Unprocessable(String detail) {
        this(detail, List.of());
    }

    /** @param findings the validation findings that explain it, when a policy is the problem */
    public Unprocessable(String detail, List<Finding> findings) {
        super(detail);
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
