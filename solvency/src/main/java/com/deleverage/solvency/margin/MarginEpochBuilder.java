package com.deleverage.solvency.margin;

import com.deleverage.engine.action.ActionType;
import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.math.PositionMath;
import com.deleverage.engine.math.TierTable;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.verifier.MarginCheck;
import com.deleverage.verifier.margin.MarginEpochFile;
import com.deleverage.verifier.margin.MarginOpeningFile;
import com.deleverage.verifier.margin.MarginTables;
import com.deleverage.verifier.margin.PoolFile;
import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.ProofRejected;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a margin epoch from a snapshot and the decision the active version made on it (docs/solvency.md, section
 * 21 on): one pool per cross account with positions and per isolated position; each pool linked to the first
 * action of the rule's kinds the decision took on it; every pool proven ({@link PoolProver}, in parallel).
 */
public final class MarginEpochBuilder {
    private final SecureRandom random;
    private final PoolProver prover;

    public MarginEpochBuilder(SecureRandom random) {
        this(random, new PoolProver(random));
    }

    /** With another pool prover: for the soundness probes of the tests, which prove what should not be proven. */
    MarginEpochBuilder(SecureRandom random, PoolProver prover) {
        this.random = random;
        this.prover = prover;
    }

    /**
     * @param snapshot a valid snapshot (the engine's validation passed)
     * @param decision the active version's decision on it, as logged (and sealed) under its id
     * @throws MarginNotProvable the decision does not do what the rule requires, or a figure does not fit
     */
    public MarginEpoch build(Snapshot snapshot, DecisionFacts decision, MarginRule rule) {
        Map<String, Market> markets = new HashMap<>();
        snapshot.markets().forEach(m -> markets.put(m.symbol(), m));
        MarginScales scales = MarginScales.of(snapshot.accounts(), markets);
        List<PoolPlan> plans = plans(snapshot, links(snapshot, decision, rule));
        MarginEpochFile file = new MarginEpochFile(MarginEpochFile.FORMAT, snapshot.asOf().toString(),
                decision.ruleSet(), decision.version(), decision.versionHash(),
                new MarginEpochFile.Rule(PlatformJson.plain(rule.liquidationRatio()),
                        rule.acting().stream().map(ActionType::name).toList()),
                List.of(decision.decisionId()), scales.moneyDecimals(), scales.rateDecimals(), tables(scales, markets),
                (long) snapshot.accounts().size(), (long) plans.size());
        byte[] epochJson = json(file);
        MarginTables tables;
        try {
            tables = MarginTables.of(file);
        } catch (ProofRejected rejected) {
            throw new MarginNotProvable("the snapshot's figures do not fit a margin epoch: " + rejected.getMessage());
        }
        byte[] epochHash = Generators.sha256(epochJson);
        List<PoolProver.Proven> proven = plans.parallelStream().map(plan -> prover.prove(tables, epochHash, plan)).toList();
        ByteArrayOutputStream pools = new ByteArrayOutputStream();
        Map<String, List<MarginOpeningFile.Pool>> openingPools = new TreeMap<>();
        for (PoolProver.Proven pool : proven) {
            pools.writeBytes(json(pool.file()));
            pools.write('\n');
            openingPools.computeIfAbsent(pool.plan().accountId(), id -> new ArrayList<>()).add(pool.opening());
        }
        byte[] poolsJsonl = pools.toByteArray();
        String digest = HexFormat.of().formatHex(MarginCheck.digest(epochJson, poolsJsonl));
        Map<String, MarginOpeningFile> openings = new LinkedHashMap<>();
        Map<String, String> salts = new HashMap<>();
        plans.forEach(p -> salts.put(p.accountId(), p.salt()));
        openingPools.forEach((id, list) -> openings.put(id, new MarginOpeningFile(digest, id, salts.get(id), list)));
        return new MarginEpoch(epochJson, poolsJsonl, digest, openings, plans.size(), (int) plans.stream().filter(p -> p.link() != null).count());
    }

    /** The pools, ordered by account commitment (then symbol, cross first): the order says nothing about ids. */
    private List<PoolPlan> plans(Snapshot snapshot, Map<String, PoolFile.Link> links) {
        Map<String, Market> markets = new HashMap<>();
        snapshot.markets().forEach(m -> markets.put(m.symbol(), m));
        List<PoolPlan> plans = new ArrayList<>();
        for (Account account : snapshot.accounts()) {
            if (account.positions().isEmpty()) {
                continue;
            }
            byte[] saltBytes = new byte[32];
            random.nextBytes(saltBytes);
            String salt = HexFormat.of().formatHex(saltBytes);
            String commitment = HexFormat.of().formatHex(Generators.sha256(
                    Generators.concat(account.id().getBytes(StandardCharsets.UTF_8), saltBytes)));
            if (account.marginMode() == MarginMode.CROSS) {
                plans.add(new PoolPlan(account.id(), salt, commitment, null, account.walletBalance(),
                        placed(account.positions(), markets), links.get(key(account.id(), null))));
            } else {
                for (Position position : account.positions()) {
                    plans.add(new PoolPlan(account.id(), salt, commitment, position.symbol(), position.isolatedMargin(),
                            placed(List.of(position), markets), links.get(key(account.id(), position.symbol()))));
                }
            }
        }
        plans.sort(Comparator.comparing(PoolPlan::accountCommitment)
                .thenComparing(p -> p.symbol() == null ? "" : p.symbol()));
        return plans;
    }

    private static List<PoolPlan.Placed> placed(List<Position> positions, Map<String, Market> markets) {
        return positions.stream().map(p -> {
            List<RiskTier> tiers = markets.get(p.symbol()).riskTiers();
            BigDecimal notional = PositionMath.notional(p.quantity(), markets.get(p.symbol()).markPrice());
            return new PoolPlan.Placed(p, TierTable.tierNumber(tiers, TierTable.tierFor(tiers, notional)));
        }).toList();
    }

    /** The first action of the rule's kinds on each pool: a cross account's any position, an isolated position's own. */
    private static Map<String, PoolFile.Link> links(Snapshot snapshot, DecisionFacts decision, MarginRule rule) {
        Map<String, MarginMode> modes = new HashMap<>();
        snapshot.accounts().forEach(a -> modes.put(a.id(), a.marginMode()));
        List<String> acting = rule.acting().stream().map(ActionType::name).toList();
        Map<String, PoolFile.Link> links = new HashMap<>();
        for (int i = 0; i < decision.actions().size(); i++) {
            DecisionFacts.ActedOn action = decision.actions().get(i);
            if (action.account() == null || !acting.contains(action.type())) {
                continue;
            }
            String symbol = modes.get(action.account()) == MarginMode.ISOLATED ? action.symbol() : null;
            links.putIfAbsent(key(action.account(), symbol), new PoolFile.Link(decision.decisionId(), i, action.type()));
        }
        return links;
    }

    private static String key(String accountId, String symbol) {
        return accountId + "\u0000" + (symbol == null ? "" : symbol);
    }

    private static List<MarginEpochFile.MarketTable> tables(MarginScales scales, Map<String, Market> markets) {
        return scales.quantityDecimals().entrySet().stream().map(held -> {
            Market market = markets.get(held.getKey());
            return new MarginEpochFile.MarketTable(market.symbol(), PlatformJson.plain(market.markPrice()),
                    held.getValue(), market.riskTiers().stream().map(t -> new MarginEpochFile.Tier(
                            PlatformJson.plain(t.notionalFloor()), PlatformJson.plain(t.notionalCap()),
                            PlatformJson.plain(t.maintenanceMarginRate()),
                            PlatformJson.plain(t.maintenanceAmount()))).toList());
        }).toList();
    }

    private static byte[] json(Object value) {
        try {
            return PlatformJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a margin epoch's records always serialise", e);
        }
    }
}
