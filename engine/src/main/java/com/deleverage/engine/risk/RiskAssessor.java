package com.deleverage.engine.risk;

import com.deleverage.engine.math.BankruptcyPrice;
import com.deleverage.engine.math.LiquidationPrice;
import com.deleverage.engine.math.MarginRatio;
import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.math.TierTable;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Computes the figures that do not depend on policy (notional, tiered maintenance margin, equity,
 * margin ratio, liquidation and bankruptcy prices) for every account and position of a valid snapshot.
 * Policies decide what to do with them; see {@code docs/reference/facts.md}.
 */
public final class RiskAssessor {

    public Assessment assess(Snapshot snapshot) {
        Map<String, Market> markets = new HashMap<>();
        snapshot.markets().forEach(m -> markets.put(m.symbol(), m));
        List<AccountRisk> accounts = new ArrayList<>(snapshot.accounts().size());
        List<PositionRisk> positions = new ArrayList<>();
        for (Account account : snapshot.accounts()) {
            accounts.add(assess(account, markets, positions));
        }
        return new Assessment(rank(accounts), positions);
    }

    /**
     * Assesses one account of a valid snapshot at the given markets' marks, without ranking it: appends its
     * positions' figures to {@code out} in the account's order and returns its figures with {@code riskRank} 0.
     * For callers that rank a whole book themselves (a sweep re-assesses accounts in parallel, then ranks).
     *
     * @param markets every market the account holds, by symbol
     */
    public AccountRisk assessAccount(Account account, Map<String, Market> markets, List<PositionRisk> out) {
        return assess(account, markets, Objects.requireNonNull(out, "out"));
    }

    /**
     * The account's own figures only, as {@link #assessAccount} returns them, without its positions' figures:
     * no liquidation or bankruptcy prices are worked out. A sweep needs the positions of the accounts its
     * policy does not watch only when someone asks for them.
     */
    public AccountRisk accountFigures(Account account, Map<String, Market> markets) {
        return assess(account, markets, null);
    }

    /** {@code out} null: the account's figures only. */
    private AccountRisk assess(Account account, Map<String, Market> markets, List<PositionRisk> out) {
        int n = account.positions().size();
        Market[] market = new Market[n];
        BigDecimal[] notional = new BigDecimal[n];
        BigDecimal[] pnl = new BigDecimal[n];
        RiskTier[] tier = new RiskTier[n];
        BigDecimal[] margin = new BigDecimal[n];
        BigDecimal totalPnl = BigDecimal.ZERO;
        BigDecimal totalMargin = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            Position p = account.positions().get(i);
            market[i] = markets.get(p.symbol());
            notional[i] = PositionMath.notional(p.quantity(), market[i].markPrice());
            pnl[i] = PositionMath.unrealizedPnl(p.quantity(), p.entryPrice(), market[i].markPrice());
            tier[i] = TierTable.tierFor(market[i].riskTiers(), notional[i]);
            margin[i] = TierTable.maintenanceMargin(tier[i], notional[i]);
            totalPnl = totalPnl.add(pnl[i]);
            totalMargin = totalMargin.add(margin[i]);
        }
        boolean cross = account.marginMode() == MarginMode.CROSS;
        BigDecimal accountEquity = account.walletBalance().add(totalPnl);
        BigDecimal worstIsolatedRatio = null;
        BigDecimal weakestIsolatedEquity = null;
        boolean anyIsolatedBankrupt = false;
        for (int i = 0; i < n; i++) {
            Position p = account.positions().get(i);
            BigDecimal poolEquity;
            BigDecimal poolMargin;
            BigDecimal collateral;
            BigDecimal otherMargin;
            BigDecimal otherPnl;
            if (cross) {
                poolEquity = accountEquity;
                poolMargin = totalMargin;
                collateral = account.walletBalance();
                otherMargin = totalMargin.subtract(margin[i]);
                otherPnl = totalPnl.subtract(pnl[i]);
            } else {
                collateral = p.isolatedMargin();
                accountEquity = accountEquity.add(collateral);
                poolEquity = collateral.add(pnl[i]);
                poolMargin = margin[i];
                otherMargin = BigDecimal.ZERO;
                otherPnl = BigDecimal.ZERO;
            }
            boolean bankrupt = MarginRatio.bankrupt(poolEquity);
            BigDecimal ratio = MarginRatio.of(poolMargin, poolEquity);
            if (!cross) {
                anyIsolatedBankrupt |= bankrupt;
                weakestIsolatedEquity = weakestIsolatedEquity == null ? poolEquity : weakestIsolatedEquity.min(poolEquity);
                if (ratio != null && (worstIsolatedRatio == null || ratio.compareTo(worstIsolatedRatio) > 0)) {
                    worstIsolatedRatio = ratio;
                }
            }
            if (out == null) {
                continue;
            }
            BigDecimal liquidationPrice = LiquidationPrice.of(p.side(), p.size(), p.entryPrice(), collateral,
                    otherMargin, otherPnl, market[i].riskTiers(), tier[i]);
            BigDecimal bankruptcyPrice = BankruptcyPrice.of(p.side(), p.size(), p.entryPrice(),
                    collateral.add(otherPnl));
            out.add(new PositionRisk(account.id(), p.symbol(), p.side(), p.size(), p.entryPrice(),
                    market[i].markPrice(), account.marginMode(), notional[i], pnl[i], tier[i],
                    TierTable.tierNumber(market[i].riskTiers(), tier[i]), margin[i], poolEquity, poolMargin, ratio,
                    bankrupt, liquidationPrice, bankruptcyPrice, p));
        }
        boolean bankrupt;
        BigDecimal ratio;
        if (cross) {
            bankrupt = MarginRatio.bankrupt(accountEquity);
            ratio = MarginRatio.of(totalMargin, accountEquity);
        } else {
            bankrupt = anyIsolatedBankrupt;
            ratio = bankrupt ? null : (worstIsolatedRatio == null ? BigDecimal.ZERO : worstIsolatedRatio);
        }
        BigDecimal weakestPoolEquity = cross || weakestIsolatedEquity == null ? accountEquity : weakestIsolatedEquity;
        return new AccountRisk(account.id(), account.marginMode(), account.walletBalance(), totalPnl, accountEquity,
                totalMargin, ratio, bankrupt, weakestPoolEquity, 0, account);
    }

    /**
     * Riskiest first: bankrupt accounts by the equity of their weakest margin pool ascending (an isolated
     * position's own pool, not the free wallet beside it), then margin ratio descending; ties by id.
     */
    static final Comparator<AccountRisk> RISKIEST_FIRST = Comparator
            .comparing((AccountRisk a) -> !a.bankrupt())
            .thenComparing(a -> a.bankrupt() ? a.weakestPoolEquity() : BigDecimal.ZERO)
            .thenComparing(a -> a.marginRatio() == null ? BigDecimal.ZERO : a.marginRatio(), Comparator.reverseOrder())
            .thenComparing(AccountRisk::accountId);

    /**
     * The accounts, in their order, each with its {@code riskRank} among them (1 = riskiest): what {@link #assess}
     * gives a snapshot's accounts, for callers that assess accounts one by one ({@link #accountFigures}).
     */
    public static List<AccountRisk> rank(List<AccountRisk> accounts) {
        List<AccountRisk> sorted = new ArrayList<>(accounts);
        sorted.sort(RISKIEST_FIRST);
        Map<String, Integer> rankById = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            rankById.put(sorted.get(i).accountId(), i + 1);
        }
        return accounts.stream().map(a -> a.withRiskRank(rankById.get(a.accountId()))).toList();
    }
}
