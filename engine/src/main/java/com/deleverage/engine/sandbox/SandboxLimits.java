package com.deleverage.engine.sandbox;

/**
 * What policy code may spend inside one evaluation. Policy code is metered, not trusted: each loop
 * iteration costs one unit of fuel, each character of text a policy builds costs fuel too, and the
 * deadline is checked as fuel is spent, so a loop, a busy wait or a runaway string ends the evaluation
 * instead of holding its thread.
 *
 * @param fuelPerFiring      loop iterations (backward branches) the policy may run per rule firing, and
 *                           before the first firing (conditions evaluated while facts are inserted)
 * @param fuelPerEvaluation  loop iterations in the whole evaluation: what a policy allocates is bounded by
 *                           its fuel, so this bounds the memory one evaluation can fill
 * @param maxFacts           facts the policy may insert in one evaluation
 * @param maxTextLength      longest string the policy may build (a reason text, a concatenation)
 * @param maxDecimalDigits   largest precision and absolute scale of a decimal the policy may compute with
 */
public record SandboxLimits(long fuelPerFiring, long fuelPerEvaluation, int maxFacts, int maxTextLength,
                            int maxDecimalDigits) {
    /** Far above what the reference policy needs (its largest consequence loops over one market's positions). */
    public static final SandboxLimits DEFAULT = new SandboxLimits(5_000_000, 20_000_000, 1_000_000, 65_536, 1_000);

    public SandboxLimits {
        if (fuelPerFiring < 1 || fuelPerEvaluation < 1 || maxFacts < 1 || maxTextLength < 1 || maxDecimalDigits < 1) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
    }
}
