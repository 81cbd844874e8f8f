package com.deleverage.replay.report;

import java.math.BigDecimal;

/**
 * Where one account ended under one version.
 *
 * @param collateral       wallet plus isolated margins at the end
 * @param equity           collateral plus the unrealised PnL of what is still open, at the last mark
 * @param position         signed quantity left in the replay's first market, 0 when closed
 * @param liquidated       base units liquidated
 * @param deleveraged      base units taken from it by ADL as a winner
 * @param socialisedLoss   charged to it
 */
public record AccountOutcome(BigDecimal collateral, BigDecimal equity, BigDecimal position, BigDecimal liquidated,
                             BigDecimal deleveraged, BigDecimal socialisedLoss) {
    public static final AccountOutcome NONE = new AccountOutcome(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);
}
