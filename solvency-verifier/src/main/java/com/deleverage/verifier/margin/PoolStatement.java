package com.deleverage.verifier.margin;

import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.ProofRejected;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one pool's proofs must show, written as {@link Affine} values over its committed variables: variable 0 is
 * the collateral W; position i has |quantity| A_i at 1 + 3i, cost basis B_i at 2 + 3i and PnL P_i at 3 + 3i.
 * With N_i = markScaled · A_i (the notional, in 10^-S):
 *
 * <ul>
 *   <li>ranged, per position: N_i − floor (minus 1 above the first tier, whose floor is exclusive), cap − N_i
 *       (not for the last tier: the engine margins a notional above every cap at the last tier), B_i;</li>
 *   <li>ranged, per pool: W; then, for a pool no action was linked to, L·10^R·E − 10^RL·MM − 1 (healthy: margin
 *       ratio MM/E strictly below L, so E &gt; 0), and for a linked pool 10^RL·MM − L·10^R·E (liquidatable or
 *       bankrupt: MM/E ≥ L or E ≤ 0), where E = W + Σ P_i and MM = Σ (rate_i · N_i − amount_i);</li>
 *   <li>signed, per position: one of P_i − (N_i − B_i) and P_i + (N_i − B_i) is a commitment to 0.</li>
 * </ul>
 */
public record PoolStatement(List<Affine> ranged, List<Affine[]> signs, int variables) {
    public static final int WALLET = 0;

    public static int quantity(int position) {
        return 1 + 3 * position;
    }

    public static int costBasis(int position) {
        return 2 + 3 * position;
    }

    public static int pnl(int position) {
        return 3 + 3 * position;
    }

    /** One position of the pool: its market and claimed tier (1-based). */
    public record Claim(String symbol, int tier) {
    }

    public static PoolStatement of(MarginTables tables, List<Claim> positions, boolean linked) throws ProofRejected {
        List<Affine> ranged = new ArrayList<>();
        List<Affine[]> signs = new ArrayList<>();
        BigInteger scale = BigInteger.TEN.pow(tables.rateDecimals());
        BigInteger ratioScale = BigInteger.TEN.pow(tables.ratioDecimals());
        Affine equity = Affine.of("equity", WALLET);
        Affine margin = new Affine("maintenance margin", List.of(), BigInteger.ZERO);
        for (int i = 0; i < positions.size(); i++) {
            Claim claim = positions.get(i);
            MarginTables.Market market = tables.market(claim.symbol());
            if (claim.tier() < 1 || claim.tier() > market.tiers().size()) {
                throw new ProofRejected("position " + (i + 1) + " claims tier " + claim.tier() + " of " + claim.symbol()
                        + ", which has " + market.tiers().size());
            }
            MarginTables.Tier tier = market.tiers().get(claim.tier() - 1);
            Affine notional = new Affine("notional", List.of(), BigInteger.ZERO).plus(market.markScaled(), quantity(i));
            BigInteger lowest = claim.tier() == 1 ? tier.floor() : tier.floor().add(BigInteger.ONE);
            ranged.add(notional.plusConstant(lowest.negate())
                    .named(claim.symbol() + " notional within tier " + claim.tier() + " from its floor"));
            if (claim.tier() < market.tiers().size()) {
                ranged.add(new Affine(claim.symbol() + " notional within tier " + claim.tier() + " up to its cap",
                        List.of(), tier.cap()).plus(notional, BigInteger.ONE.negate()));
            }
            ranged.add(Affine.of(claim.symbol() + " cost basis not negative", costBasis(i)));
            Affine gain = notional.plus(BigInteger.ONE.negate(), costBasis(i));
            signs.add(new Affine[]{Affine.of("long", pnl(i)).plus(gain, BigInteger.ONE.negate()),
                    Affine.of("short", pnl(i)).plus(gain, BigInteger.ONE)});
            equity = equity.plus(BigInteger.ONE, pnl(i));
            margin = margin.plus(notional, tier.rate()).plusConstant(tier.amount().negate());
        }
        ranged.add(Affine.of("collateral not negative", WALLET));
        Affine scaledEquity = new Affine("", List.of(), BigInteger.ZERO).plus(equity, tables.ratio().multiply(scale));
        Affine scaledMargin = new Affine("", List.of(), BigInteger.ZERO).plus(margin, ratioScale);
        ranged.add(linked
                ? scaledMargin.plus(scaledEquity, BigInteger.ONE.negate())
                        .named("margin ratio at or above the liquidation ratio (or equity not positive)")
                : scaledEquity.plus(scaledMargin, BigInteger.ONE.negate()).plusConstant(BigInteger.ONE.negate())
                        .named("margin ratio below the liquidation ratio"));
        return new PoolStatement(ranged, signs, 1 + 3 * positions.size());
    }

    /**
     * The bytes every proof of the pool is bound to: {@code utf8("margin") ‖ SHA-256(epoch.json) ‖ account ‖
     * frame(symbol) ‖ frame(link)}, then {@code u32be(index)} of the value or position. So a proof moved to another
     * epoch, pool, link or place does not verify.
     */
    public static byte[] context(byte[] epochFileHash, byte[] account, String symbol, PoolFile.Link link, int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("margin".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(epochFileHash);
        out.writeBytes(account);
        frame(out, symbol == null ? new byte[0] : symbol.getBytes(StandardCharsets.UTF_8));
        frame(out, link == null ? new byte[0] : Generators.concat(link.decisionId().getBytes(StandardCharsets.UTF_8),
                u32(link.action()), link.type().getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(u32(index));
        return out.toByteArray();
    }

    private static void frame(ByteArrayOutputStream out, byte[] data) {
        out.writeBytes(u32(data.length));
        out.writeBytes(data);
    }

    private static byte[] u32(int value) {
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
