package com.deleverage.engine.math;

import java.math.BigDecimal;

/**
 * dYdX v4 open-interest-based initial margin fraction (OIMF): the IMF rises linearly from its base value
 * at the lower open-interest cap to 1 (no leverage) at the upper cap:
 * {@code effIMF = min(base + max(0, (OI - lo) / (hi - lo)) x (1 - base), 1)}.
 * Open interest and caps are in the same unit (dYdX: quote-currency notional, e.g. 25M / 50M USDC for
 * a mid-cap tier); fractions are dimensionless (0.05 = 20x).
 */
public final class OpenInterestScaling {
    private OpenInterestScaling() {
    }

    /**
     * The effective initial margin fraction, at {@link Decimals#RATIO_SCALE} (one division).
     *
     * @throws IllegalArgumentException unless {@code hi > lo}
     */
    public static BigDecimal effectiveImf(BigDecimal baseImf, BigDecimal openInterest, BigDecimal lowerCap,
                                          BigDecimal upperCap) {
        BigDecimal span = span(lowerCap, upperCap);
        BigDecimal raiseTimesSpan = raiseTimesSpan(baseImf, openInterest, lowerCap);
        return reachesFullMargin(baseImf, span, raiseTimesSpan)
                ? BigDecimal.ONE
                : baseImf.add(Decimals.ratio(raiseTimesSpan, span));
    }

    /**
     * A factor for scaling maintenance-margin rates by the same open-interest pressure:
     * {@code effIMF / base}, computed with one division as {@code (base x (hi - lo) + max(0, OI - lo) x
     * (1 - base)) / (base x (hi - lo))}, or {@code 1 / base} once effIMF is capped at 1; at
     * {@link Decimals#RATIO_SCALE}. It is 1 up to the lower cap. dYdX itself scales only the initial
     * margin; keeping maintenance margin the same fraction of initial margin is the platform's extension,
     * for policies that emit {@code SCALE_MAINTENANCE_MARGIN} on open-interest stress.
     */
    public static BigDecimal maintenanceScale(BigDecimal baseImf, BigDecimal openInterest, BigDecimal lowerCap,
                                              BigDecimal upperCap) {
        BigDecimal span = span(lowerCap, upperCap);
        BigDecimal raiseTimesSpan = raiseTimesSpan(baseImf, openInterest, lowerCap);
        return reachesFullMargin(baseImf, span, raiseTimesSpan)
                ? Decimals.ratio(BigDecimal.ONE, baseImf)
                : Decimals.ratio(baseImf.multiply(span).add(raiseTimesSpan), baseImf.multiply(span));
    }

    private static BigDecimal span(BigDecimal lowerCap, BigDecimal upperCap) {
        BigDecimal span = upperCap.subtract(lowerCap);
        if (span.signum() <= 0) {
            throw new IllegalArgumentException("upper cap " + upperCap + " not above lower cap " + lowerCap);
        }
        return span;
    }

    /** {@code max(0, OI - lo) x (1 - base)}: the IMF raise multiplied by {@code hi - lo}, exact. */
    private static BigDecimal raiseTimesSpan(BigDecimal baseImf, BigDecimal openInterest, BigDecimal lowerCap) {
        return openInterest.subtract(lowerCap).max(BigDecimal.ZERO).multiply(BigDecimal.ONE.subtract(baseImf));
    }

    /** {@code base + raise >= 1}, compared exactly after multiplying by {@code hi - lo}. */
    private static boolean reachesFullMargin(BigDecimal baseImf, BigDecimal span, BigDecimal raiseTimesSpan) {
        return baseImf.multiply(span).add(raiseTimesSpan).compareTo(span) >= 0;
    }
}
