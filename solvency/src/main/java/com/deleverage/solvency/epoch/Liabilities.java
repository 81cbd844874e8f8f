package com.deleverage.solvency.epoch;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.risk.PositionRisk;
import com.deleverage.engine.risk.RiskAssessor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each account's liability and deficit from a valid snapshot, with the engine's equity at the marks.
 *
 * <p>A margin pool's loss cannot reach beyond the pool: a cross account is one pool (its equity), an
 * isolated position is a pool of its own beside the free balance. So each pool is clamped at zero before
 * the account's pools are added, and a negative pool is a deficit; a bankrupt pool never nets against
 * anything that is owed (the naive proof's failure mode of negative balances).
 */
public final class Liabilities {
    private final RiskAssessor assessor = new RiskAssessor();

    public List<AccountLiability> of(Snapshot snapshot) {
        Map<String, Market> markets = new HashMap<>();
        snapshot.markets().forEach(m -> markets.put(m.symbol(), m));
        List<AccountLiability> owed = new ArrayList<>(snapshot.accounts().size());
        List<PositionRisk> positions = new ArrayList<>();
        for (Account account : snapshot.accounts()) {
            if (account.marginMode() == MarginMode.CROSS) {
                owed.add(ofPools(account.id(), List.of(assessor.accountFigures(account, markets).equity())));
            } else {
                positions.clear();
                assessor.assessAccount(account, markets, positions); // each position's pool equity
                owed.add(ofPools(account.id(), isolatedPools(account, positions)));
            }
        }
        return owed;
    }

    private static List<BigDecimal> isolatedPools(Account account, List<PositionRisk> positions) {
        List<BigDecimal> pools = new ArrayList<>(positions.size() + 1);
        pools.add(account.walletBalance());
        positions.forEach(p -> pools.add(p.equity()));
        return pools;
    }

    private static AccountLiability ofPools(String accountId, List<BigDecimal> pools) {
        BigDecimal owed = BigDecimal.ZERO;
        BigDecimal deficit = BigDecimal.ZERO;
        for (BigDecimal pool : pools) {
            if (pool.signum() > 0) {
                owed = owed.add(pool);
            } else {
                deficit = deficit.subtract(pool);
            }
        }
        return new AccountLiability(accountId, Units.roundedUp(owed), Units.roundedUp(deficit));
    }
}
