package com.deleverage.engine.math;

import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Side;

import java.math.BigDecimal;

/**
 * Auto-deleveraging scores: higher is deleveraged first. Each score is dimensionless and computed with a
 * single division at {@link Decimals#RATIO_SCALE}, so the products of the venues' formulas are not
 * rounded twice. {@code s} is +1 for a long, -1 for a short; prices are quote per base unit.
 */
public final class AdlScore {
    /**
     * Distance to the bankruptcy price used when the mark sits exactly on it: one unit of
     * {@link Decimals#PRICE_SCALE}, the finest price the engine produces.
     */
    private static final BigDecimal SMALLEST_PRICE_DISTANCE = BigDecimal.ONE.movePointLeft(Decimals.PRICE_SCALE);

    private AdlScore() {
    }

    /** The score of a position under the chosen ranking; {@code account} must own {@code position}. */
    public static BigDecimal of(AdlRanking ranking, AssessedPosition position, AssessedAccount account) {
        if (!position.accountId().equals(account.accountId())) {
            throw new IllegalArgumentException("position of " + position.accountId()
                    + " scored with the account " + account.accountId());
        }
        return switch (ranking) {
            case BITMEX -> bitmex(position.side(), position.entryPrice(), position.markPrice(),
                    position.bankruptcyPrice());
            case BINANCE -> position.marginMode() == MarginMode.ISOLATED
                    ? binance(position.position().isolatedMargin(), position.unrealizedPnl(),
                            position.maintenanceMargin())
                    : binance(account.walletBalance(), account.unrealizedPnl(), account.maintenanceMargin());
            case HYPERLIQUID -> hyperliquid(position.side(), position.entryPrice(), position.markPrice(),
                    position.notional(), position.equity());
        };
    }

    /**
     * BitMEX ranking. {@code PnL% = s x (M - EP) / EP}; effective leverage {@code EffLev = M / |M - BP|};
     * {@code score = PnL% x EffLev} when {@code PnL% > 0}, else {@code PnL% / EffLev}, i.e.
     * {@code s(M-EP) x M / (EP x |M-BP|)} or {@code s(M-EP) x |M-BP| / (EP x M)}. Winners with more leverage
     * rank first; losers score zero or below.
     *
     * <p>A null bankruptcy price (a long whose margin covers it down to a zero price) is taken as 0, so the
     * effective leverage is 1 — an upper bound of the true leverage, which is at most 1. A mark exactly on
     * the bankruptcy price would mean infinite leverage; the distance is then taken as one unit of
     * {@link Decimals#PRICE_SCALE}, which keeps such a winner at the head of the queue with a finite score.
     *
     * @param bankruptcyPrice the position's bankruptcy price, or null when it has none
     */
    public static BigDecimal bitmex(Side side, BigDecimal entryPrice, BigDecimal markPrice, BigDecimal bankruptcyPrice) {
        BigDecimal signedMove = markPrice.subtract(entryPrice).multiply(BigDecimal.valueOf(side.sign()));
        BigDecimal distance = markPrice.subtract(bankruptcyPrice == null ? BigDecimal.ZERO : bankruptcyPrice).abs();
        if (distance.signum() == 0) {
            distance = SMALLEST_PRICE_DISTANCE;
        }
        return signedMove.signum() > 0
                ? Decimals.ratio(signedMove.multiply(markPrice), entryPrice.multiply(distance))
                : Decimals.ratio(signedMove.multiply(distance), entryPrice.multiply(markPrice));
    }

    /**
     * Binance USD-M ranking, per margin pool. {@code PnlPercent = max(0, UPnL) / max(1, WB)};
     * {@code MarginRatio = MM / (WB + UPnL)}, or 0 when {@code WB + UPnL <= 0};
     * {@code score = PnlPercent x MarginRatio}. Pools without profit score 0.
     * {@link #of} uses the account's wallet balance, unrealised PnL and maintenance margin for a cross
     * position, and the position's isolated margin, PnL and maintenance margin for an isolated one.
     *
     * @param walletBalance     wallet balance (isolated: the isolated margin), quote currency
     * @param unrealizedPnl     unrealised PnL of the pool, quote currency
     * @param maintenanceMargin maintenance margin of the pool, quote currency
     */
    public static BigDecimal binance(BigDecimal walletBalance, BigDecimal unrealizedPnl, BigDecimal maintenanceMargin) {
        BigDecimal equity = walletBalance.add(unrealizedPnl);
        if (unrealizedPnl.signum() <= 0 || equity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return Decimals.ratio(unrealizedPnl.multiply(maintenanceMargin), walletBalance.max(BigDecimal.ONE).multiply(equity));
    }

    /**
     * Hyperliquid ranking: {@code score = (M / EP) x (N / accountValue)} for a long.
     *
     * <p>For a short the docs leave the direction open. Taken literally, {@code M / EP} is below 1 for a
     * winning short and would put the most profitable shorts last, against the point of the ranking; the
     * engine uses the price gain in the short's direction, {@code EP / M}, so a short gaining as much as a
     * long scores alike. A pool with {@code accountValue <= 0} is being liquidated, not deleveraged, and
     * scores 0.
     *
     * @param notional     the position's notional {@code Q x M}, quote currency
     * @param accountValue equity of the pool backing the position, quote currency
     */
    public static BigDecimal hyperliquid(Side side, BigDecimal entryPrice, BigDecimal markPrice, BigDecimal notional,
                                         BigDecimal accountValue) {
        if (accountValue.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal gainNumerator = side == Side.LONG ? markPrice : entryPrice;
        BigDecimal gainDenominator = side == Side.LONG ? entryPrice : markPrice;
        return Decimals.ratio(gainNumerator.multiply(notional), gainDenominator.multiply(accountValue));
    }
}
