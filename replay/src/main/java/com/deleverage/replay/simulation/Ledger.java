package com.deleverage.replay.simulation;

import com.deleverage.replay.TraderReactions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every money movement of a replay, summed exactly (BigDecimal, no rounding), so conservation can be
 * checked against the book's and the funds' actual state at the end. Quote currency throughout.
 *
 * <p>Traders' collateral (wallets plus isolated margins):
 * <pre>
 *   collateral in  = opening collateral + realised PnL + funding received (net) + deficits covered + deposits
 *   collateral in  = collateral out + liquidation fees + socialised loss                       (1)
 * </pre>
 * where realised PnL is credited at the price each position was closed at (the policy's liquidation price,
 * the ADL price), "deficits covered" are the negative balances a close left behind, brought back to zero, and
 * deposits the collateral traders added between ticks (top-ups, new entrants: {@link TraderReactions}).
 * <p>Insurance funds:
 * <pre>
 *   fund change = liquidation fees + liquidation surplus + socialised loss beyond the deficits - fund draws   (2)
 * </pre>
 * where surplus is {@code s x q x (fill - policy price)} when the market fill beats the policy's price.
 * <p>Deficits (a market fill worse than the policy price, and the negative balances covered):
 * <pre>
 *   market deficits + deficits covered = fund draws + socialised loss used + bad debt                   (3)
 * </pre>
 * Bad debt is what neither the fund nor a socialised loss paid: the exchange's own loss. (1) and (2) are
 * checked against the state; (3) and the split of the socialised loss are checked within the ledger.
 */
public final class Ledger {
    private BigDecimal openingCollateral = BigDecimal.ZERO;
    private BigDecimal openingFunds = BigDecimal.ZERO;
    private BigDecimal realisedPnl = BigDecimal.ZERO;
    private BigDecimal fundingNet = BigDecimal.ZERO;
    private BigDecimal deficitsCovered = BigDecimal.ZERO;
    private BigDecimal deposits = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal socialisedLoss = BigDecimal.ZERO;
    private BigDecimal socialisedUsed = BigDecimal.ZERO;
    private BigDecimal socialisedToFund = BigDecimal.ZERO;
    private BigDecimal surplus = BigDecimal.ZERO;
    private BigDecimal marketDeficits = BigDecimal.ZERO;
    private BigDecimal fundDraws = BigDecimal.ZERO;
    private BigDecimal badDebt = BigDecimal.ZERO;

    public void opening(BigDecimal collateral, BigDecimal funds) {
        openingCollateral = openingCollateral.add(collateral);
        openingFunds = openingFunds.add(funds);
    }

    /** PnL credited (or debited, negative) to a trader's pool on a close. */
    public void realised(BigDecimal amount) {
        realisedPnl = realisedPnl.add(amount);
    }

    /** Funding a trader received (positive) or paid (negative). */
    public void funding(BigDecimal amount) {
        fundingNet = fundingNet.add(amount);
    }

    /** Collateral a trader brought in from outside the book (a top-up, a new entrant's margin). */
    public void deposit(BigDecimal amount) {
        deposits = deposits.add(amount);
    }

    /** A liquidation fee a trader paid into the fund. */
    public void fee(BigDecimal amount) {
        fees = fees.add(amount);
    }

    /** A market fill better than the policy's price: the difference went to the fund. */
    public void surplus(BigDecimal amount) {
        surplus = surplus.add(amount);
    }

    /** A market fill worse than the policy's price: a deficit owed to the market. */
    public void marketDeficit(BigDecimal amount) {
        marketDeficits = marketDeficits.add(amount);
    }

    /** A negative trader balance brought back to zero (the amount added to the pool). */
    public void deficitCovered(BigDecimal amount) {
        deficitsCovered = deficitsCovered.add(amount);
    }

    /** The fund paid part of a deficit. */
    public void fundDraw(BigDecimal amount) {
        fundDraws = fundDraws.add(amount);
    }

    /** A winner was charged a socialised loss; {@code used} of it paid deficits, the rest went to the fund. */
    public void socialised(BigDecimal charged, BigDecimal used) {
        socialisedLoss = socialisedLoss.add(charged);
        socialisedUsed = socialisedUsed.add(used);
        socialisedToFund = socialisedToFund.add(charged.subtract(used));
    }

    /** A deficit nobody paid: the exchange's loss. */
    public void badDebt(BigDecimal amount) {
        badDebt = badDebt.add(amount);
    }

    public BigDecimal collateralIn() {
        return openingCollateral.add(realisedPnl).add(fundingNet).add(deficitsCovered).add(deposits);
    }

    public BigDecimal fees() {
        return fees;
    }

    public BigDecimal socialisedLoss() {
        return socialisedLoss;
    }

    public BigDecimal badDebt() {
        return badDebt;
    }

    public BigDecimal fundDraws() {
        return fundDraws;
    }

    /**
     * The conservation check: empty when every identity holds exactly, else one line per broken identity
     * with both sides and the difference.
     *
     * @param closingCollateral the book's collateral at the end, summed from the accounts
     * @param closingFunds      the funds' balances at the end, summed
     */
    public List<String> violations(BigDecimal closingCollateral, BigDecimal closingFunds) {
        List<String> violations = new ArrayList<>();
        compare(violations, "collateral in = collateral out + fees + socialised loss", collateralIn(),
                closingCollateral.add(fees).add(socialisedLoss));
        compare(violations, "fund change = fees + surplus + socialised to fund - fund draws",
                closingFunds.subtract(openingFunds), fees.add(surplus).add(socialisedToFund).subtract(fundDraws));
        compare(violations, "market deficits + deficits covered = fund draws + socialised used + bad debt",
                marketDeficits.add(deficitsCovered), fundDraws.add(socialisedUsed).add(badDebt));
        compare(violations, "socialised loss = used + to fund", socialisedLoss, socialisedUsed.add(socialisedToFund));
        return violations;
    }

    private static void compare(List<String> out, String identity, BigDecimal left, BigDecimal right) {
        if (left.compareTo(right) != 0) {
            out.add(identity + ": " + left.toPlainString() + " != " + right.toPlainString() + " (difference "
                    + left.subtract(right).toPlainString() + ")");
        }
    }

    /** Every line of the ledger plus the closing figures, in a fixed order, for the report. */
    public Map<String, BigDecimal> lines(BigDecimal closingCollateral, BigDecimal closingFunds) {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        lines.put("openingCollateral", openingCollateral);
        lines.put("realisedPnl", realisedPnl);
        lines.put("fundingNet", fundingNet);
        lines.put("deficitsCovered", deficitsCovered);
        lines.put("deposits", deposits);
        lines.put("collateralIn", collateralIn());
        lines.put("collateralOut", closingCollateral);
        lines.put("fees", fees);
        lines.put("socialisedLoss", socialisedLoss);
        lines.put("socialisedUsed", socialisedUsed);
        lines.put("socialisedToFund", socialisedToFund);
        lines.put("openingFunds", openingFunds);
        lines.put("closingFunds", closingFunds);
        lines.put("fundChange", closingFunds.subtract(openingFunds));
        lines.put("liquidationSurplus", surplus);
        lines.put("marketDeficits", marketDeficits);
        lines.put("fundDraws", fundDraws);
        lines.put("badDebt", badDebt);
        return lines;
    }
}
