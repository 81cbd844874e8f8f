package com.deleverage.engine.risk;

import com.deleverage.engine.math.AdlCandidate;
import com.deleverage.engine.math.AssessedPosition;
import com.deleverage.engine.math.AdlRanking;
import com.deleverage.engine.math.AdlRescoring;
import com.deleverage.engine.math.AdlScore;
import com.deleverage.engine.math.Decimals;
import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-scores an auto-deleveraged position the way the engine assesses any position: the account after the fill
 * is assessed again at the same marks and scored with the queue's ranking.
 *
 * <p>After {@code q} of a position of side {@code s} and entry {@code EP} is closed at {@code P}, the position
 * keeps {@code Q - q} at the same entry and its owner's wallet gains the realised PnL {@code s x q x (P - EP)};
 * an isolated position also hands the margin of the closed part back to the wallet (its isolated margin
 * shrinks to {@code IM x (Q - q) / Q}, rounded to 8 decimals). Everything else of the account stays as it was.
 */
public final class AdlReassessment implements AdlRescoring {
    private final RiskAssessor assessor = new RiskAssessor();
    private final AdlRanking ranking;
    private final Map<String, Market> markets = new HashMap<>();

    /**
     * @param markets every market of the snapshot (a cross account's other positions are assessed again too)
     */
    public AdlReassessment(AdlRanking ranking, Collection<Market> markets) {
        this.ranking = ranking;
        markets.forEach(m -> this.markets.put(m.symbol(), m));
    }

    @Override
    public AdlCandidate afterFill(AdlCandidate candidate, BigDecimal quantity, BigDecimal price) {
        AssessedPosition position = candidate.position();
        Position held = position.position();
        BigDecimal sign = BigDecimal.valueOf(position.side().sign());
        BigDecimal rest = position.size().subtract(quantity);
        BigDecimal realised = PositionMath.unrealizedPnl(quantity.multiply(sign), position.entryPrice(), price);
        BigDecimal isolatedMargin = held.isolatedMargin() == null ? null
                : Decimals.price(held.isolatedMargin().multiply(rest), position.size());
        BigDecimal released = held.isolatedMargin() == null ? BigDecimal.ZERO : held.isolatedMargin().subtract(isolatedMargin);
        Account before = candidate.owner().account();
        List<Position> positions = new ArrayList<>(before.positions().size());
        for (Position p : before.positions()) {
            positions.add(p.symbol().equals(position.symbol())
                    ? new Position(p.symbol(), rest.multiply(sign), p.entryPrice(), p.leverage(), isolatedMargin)
                    : p);
        }
        Account after = new Account(before.id(), before.walletBalance().add(realised).add(released),
                before.marginMode(), positions);
        List<PositionRisk> assessed = new ArrayList<>(positions.size());
        AccountRisk owner = assessor.assessAccount(after, markets, assessed).withRiskRank(candidate.owner().riskRank());
        PositionRisk reassessed = assessed.stream().filter(p -> p.symbol().equals(position.symbol())).findFirst()
                .orElseThrow();
        return new AdlCandidate(reassessed, owner, AdlScore.of(ranking, reassessed, owner));
    }
}
