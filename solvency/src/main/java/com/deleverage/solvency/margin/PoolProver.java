package com.deleverage.solvency.margin;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.model.Position;
import com.deleverage.solvency.zk.Opening;
import com.deleverage.solvency.zk.RangeProver;
import com.deleverage.verifier.margin.Affine;
import com.deleverage.verifier.margin.Commitments;
import com.deleverage.verifier.margin.Figures;
import com.deleverage.verifier.margin.MarginOpeningFile;
import com.deleverage.verifier.margin.MarginTables;
import com.deleverage.verifier.margin.PoolFile;
import com.deleverage.verifier.margin.PoolStatement;
import com.deleverage.verifier.margin.SignProof;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.ProofRejected;
import com.deleverage.verifier.zk.RangeProofFile;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Proves one pool: commits to its collateral and to each position's |quantity|, cost basis and PnL with fresh
 * blindings, then makes a range proof for every ranged value of its {@link PoolStatement} and a sign proof per
 * position. Refuses ({@link MarginNotProvable}) when a ranged value is outside [0, 2^64): then the statement is
 * false, which is the point.
 */
class PoolProver {
    /** A proven pool: what is published and what its holder gets. */
    record Proven(PoolPlan plan, PoolFile file, MarginOpeningFile.Pool opening) {
    }

    /** Makes a range proof of openings; the platform's is {@link RangeProver#prove}, which refuses a value out of range. */
    @FunctionalInterface
    interface RangeMaker {
        RangeProof prove(List<Opening> openings, byte[] context);
    }

    private final SecureRandom random;
    private final RangeMaker ranges;

    PoolProver(SecureRandom random) {
        this(random, new RangeProver(random)::prove);
    }

    /** With another range maker: the soundness probes of the tests use one that proves anything it is given. */
    PoolProver(SecureRandom random, RangeMaker ranges) {
        this.random = random;
        this.ranges = ranges;
    }

    /** The PnL committed to: the engine's. The soundness probes of the tests commit another. */
    BigInteger committedPnl(BigInteger pnl) {
        return pnl;
    }

    /** The sign proof; the soundness probes of the tests answer a branch that is not true. */
    SignProof signProof(byte[] context, ECPoint x, Opening xOpening, ECPoint y, Opening yOpening) {
        return new SignProver(random).prove(context, x, xOpening, y, yOpening);
    }

    Proven prove(MarginTables tables, byte[] epochHash, PoolPlan plan) {
        try {
            return proveChecked(tables, epochHash, plan);
        } catch (ProofRejected rejected) {
            throw new MarginNotProvable("account " + plan.accountId() + ": " + rejected.getMessage());
        }
    }

    private Proven proveChecked(MarginTables tables, byte[] epochHash, PoolPlan plan) throws ProofRejected {
        List<Opening> variables = new ArrayList<>();
        variables.add(Opening.of(Figures.collateral(tables, plan.collateral()), random));
        List<PoolStatement.Claim> claims = new ArrayList<>();
        for (PoolPlan.Placed placed : plan.positions()) {
            MarginTables.Market market = tables.market(placed.position().symbol());
            BigInteger a = Figures.quantity(market, placed.position().quantity());
            BigInteger b = Figures.costBasis(tables, placed.position().quantity(), placed.position().entryPrice());
            variables.add(Opening.of(a, random));
            variables.add(Opening.of(b, random));
            variables.add(Opening.of(committedPnl(Figures.pnl(market, placed.position().quantity(), a, b)), random));
            claims.add(new PoolStatement.Claim(placed.position().symbol(), placed.tier()));
        }
        List<ECPoint> points = variables.stream().map(Opening::commitment).toList();
        PoolStatement statement = PoolStatement.of(tables, claims, plan.link() != null);
        byte[] account = HexFormat.of().parseHex(plan.accountCommitment());
        List<RangeProofFile> proofs = new ArrayList<>();
        for (int j = 0; j < statement.ranged().size(); j++) {
            Affine value = statement.ranged().get(j);
            Opening opening = AffineOpening.of(value, variables);
            try {
                proofs.add(ranges.prove(List.of(opening),
                        PoolStatement.context(epochHash, account, plan.symbol(), plan.link(), j)).toFile());
            } catch (IllegalArgumentException outOfRange) {
                throw new MarginNotProvable(refusal(plan, value));
            }
        }
        List<PoolFile.PositionFile> positions = new ArrayList<>();
        List<MarginOpeningFile.Position> opened = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Affine[] sign = statement.signs().get(i);
            PoolFile.PositionFile position = new PoolFile.PositionFile(claims.get(i).symbol(), claims.get(i).tier(),
                    Secp256k1.hex(points.get(PoolStatement.quantity(i))),
                    Secp256k1.hex(points.get(PoolStatement.costBasis(i))), Secp256k1.hex(points.get(PoolStatement.pnl(i))),
                    signProof(PoolStatement.context(epochHash, account, plan.symbol(), plan.link(), i),
                            Commitments.of(sign[0], points), AffineOpening.of(sign[0], variables),
                            Commitments.of(sign[1], points), AffineOpening.of(sign[1], variables)).toFile());
            positions.add(position);
            Position held = plan.positions().get(i).position();
            opened.add(new MarginOpeningFile.Position(held.symbol(), PlatformJson.plain(held.quantity()),
                    PlatformJson.plain(held.entryPrice()),
                    Secp256k1.hex(variables.get(PoolStatement.quantity(i)).blinding()),
                    Secp256k1.hex(variables.get(PoolStatement.costBasis(i)).blinding()),
                    Secp256k1.hex(variables.get(PoolStatement.pnl(i)).blinding())));
        }
        PoolFile file = new PoolFile(plan.accountCommitment(), plan.symbol(), Secp256k1.hex(points.get(PoolStatement.WALLET)),
                positions, plan.link(), proofs);
        MarginOpeningFile.Pool opening = new MarginOpeningFile.Pool(plan.symbol(),
                PlatformJson.plain(plan.collateral()),
                Secp256k1.hex(variables.get(PoolStatement.WALLET).blinding()), opened);
        return new Proven(plan, file, opening);
    }

    private static String refusal(PoolPlan plan, Affine value) {
        String pool = "account " + plan.accountId() + (plan.symbol() == null ? "" : " (isolated " + plan.symbol() + ")");
        if (value.label().startsWith("margin ratio below")) {
            return pool + " is at or above the liquidation ratio (or bankrupt) and the decision took no action the "
                    + "rule accepts on it";
        }
        if (value.label().startsWith("margin ratio at or above")) {
            return pool + " is below the liquidation ratio, yet the decision acted on it";
        }
        return pool + ": '" + value.label() + "' is outside 0 … 2^64 - 1 units";
    }
}
