package com.deleverage.engine.stage;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.MarketBook;
import com.deleverage.engine.risk.PositionRisk;
import com.deleverage.engine.risk.RiskAssessor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The market stage's replica of the whole book at one tick: every account's figures, ranked over the whole book
 * (the ranks a single evaluation gives), and the {@link MarketBook} of a market, whose positions are assessed only
 * when a rule reads them, as a resident sweep does: a tick without deficits reads no position. Used by one thread.
 */
final class ReplicaAssessment {
    private final RiskAssessor assessor = new RiskAssessor();
    private final Map<String, Market> markets = new HashMap<>();
    private final List<Account> accounts;
    private final List<AccountRisk> ranked;
    private final PositionRisk[][] positions; // by account index, assessed on first read

    ReplicaAssessment(Snapshot book) {
        book.markets().forEach(m -> markets.put(m.symbol(), m));
        this.accounts = book.accounts();
        List<AccountRisk> figures = new ArrayList<>(accounts.size());
        accounts.forEach(a -> figures.add(assessor.accountFigures(a, markets)));
        this.ranked = RiskAssessor.rank(figures);
        this.positions = new PositionRisk[accounts.size()][];
    }

    /** Each account's rank over the whole book. */
    Map<String, Integer> ranks() {
        Map<String, Integer> ranks = new HashMap<>(ranked.size() * 2);
        ranked.forEach(a -> ranks.put(a.accountId(), a.riskRank()));
        return ranks;
    }

    /** The market's book: every position held in it, in book order, with its ranked owner. */
    MarketBook book(String symbol) {
        List<int[]> held = new ArrayList<>(); // {account index, position index}
        for (int i = 0; i < accounts.size(); i++) {
            List<Position> own = accounts.get(i).positions();
            for (int j = 0; j < own.size(); j++) {
                if (own.get(j).symbol().equals(symbol)) {
                    held.add(new int[]{i, j});
                }
            }
        }
        return new MarketBook(symbol, held.size(), k -> position(held.get(k)[0], held.get(k)[1]),
                k -> ranked.get(held.get(k)[0]));
    }

    private PositionRisk position(int account, int index) {
        if (positions[account] == null) {
            List<PositionRisk> out = new ArrayList<>();
            assessor.assessAccount(accounts.get(account), markets, out);
            positions[account] = out.toArray(PositionRisk[]::new);
        }
        return positions[account][index];
    }
}
