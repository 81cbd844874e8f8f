package com.deleverage.replay.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * An account whose outcome is not the same under every version.
 *
 * @param account  account id
 * @param outcomes one outcome per version, in report order
 * @param spread   highest minus lowest final equity (at the last mark) across the versions
 */
public record AccountDifference(String account, List<AccountOutcome> outcomes, BigDecimal spread) {
    public AccountDifference {
        outcomes = List.copyOf(outcomes);
    }
}
