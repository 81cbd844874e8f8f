package com.deleverage.engine.math;

import com.deleverage.engine.model.Side;

import java.math.BigDecimal;

/**
 * Insurance-fund arithmetic around a liquidation (Binance, Bybit, BitMEX, Deribit). Money is quote
 * currency; {@code s} is +1 for a long, -1 for a short.
 */
public final class InsuranceFundMath {
    private InsuranceFundMath() {
    }

    /**
     * What closing a liquidated position costs the fund. The position's margin is exactly used up at its
     * bankruptcy price BP, so closing {@code Q} at X instead of BP leaves {@code s x Q x (X - BP)} over;
     * the deficit is its negation: {@code deficit = s x Q x (BP - X)}.
     * Positive: the fill was worse than BP (a long sold below it, a short bought back above it) and the fund
     * pays. Negative: the fill was better and {@code -deficit} is surplus the fund receives. Exact.
     *
     * @param quantity        base units closed, positive
     * @param bankruptcyPrice the position's bankruptcy price
     * @param closePrice      the price the position was closed at
     */
    public static BigDecimal deficit(Side side, BigDecimal quantity, BigDecimal bankruptcyPrice, BigDecimal closePrice) {
        return bankruptcyPrice.subtract(closePrice).multiply(quantity).multiply(BigDecimal.valueOf(side.sign()));
    }

    /**
     * Meets a deficit from the fund: {@code paid = min(max(balance, 0), max(deficit, 0))}, the rest
     * uncovered. A surplus (negative deficit) draws nothing and leaves nothing uncovered.
     */
    public static FundDraw draw(BigDecimal fundBalance, BigDecimal deficit) {
        BigDecimal owed = deficit.max(BigDecimal.ZERO);
        BigDecimal paid = owed.min(fundBalance.max(BigDecimal.ZERO));
        return new FundDraw(paid, owed.subtract(paid));
    }

    /**
     * Liquidation fee that feeds the fund: {@code rate x closed notional} (Binance historically 0.3-0.5%,
     * Deribit 0.75%). Exact.
     *
     * @param rate           fee as a fraction of notional (0.005 = 0.5%)
     * @param closedNotional {@code quantity closed x price}, quote currency
     */
    public static BigDecimal liquidationFee(BigDecimal rate, BigDecimal closedNotional) {
        return rate.multiply(closedNotional);
    }

    /**
     * Drawdown of the fund from its 8-hour peak, {@code 1 - balance / peak} = {@code (peak - balance) / peak}
     * at {@link Decimals#RATIO_SCALE} (Bybit, OKX, Bitget trigger ADL at 30% and stop under 25%). The peak
     * includes the current balance, so a balance above it or a missing or non-positive peak gives 0.
     *
     * @param peakBalance8h highest balance over the last 8 hours, or null when unknown
     */
    public static BigDecimal drawdown(BigDecimal balance, BigDecimal peakBalance8h) {
        if (peakBalance8h == null || peakBalance8h.signum() <= 0 || balance.compareTo(peakBalance8h) >= 0) {
            return BigDecimal.ZERO;
        }
        return Decimals.ratio(peakBalance8h.subtract(balance), peakBalance8h);
    }
}
