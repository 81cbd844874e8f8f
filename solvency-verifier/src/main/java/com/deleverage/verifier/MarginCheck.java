package com.deleverage.verifier;

import com.deleverage.verifier.margin.Commitments;
import com.deleverage.verifier.margin.MarginEpochFile;
import com.deleverage.verifier.margin.MarginTables;
import com.deleverage.verifier.margin.PoolFile;
import com.deleverage.verifier.margin.PoolStatement;
import com.deleverage.verifier.margin.SignProof;
import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.ProofRejected;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.RangeStatement;
import com.deleverage.verifier.zk.RangeVerifier;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Checks a margin epoch (docs/solvency.md, "The margin epoch"): every pool's statement, from the published marks,
 * tiers and rule alone, without learning a position; names the pools that relied on an action instead of being
 * shown healthy. Optionally, an account holder's opening ({@link OpeningCheck}).
 */
public final class MarginCheck {
    /** A pool the decision acted on, by its account's commitment. */
    public record Reliance(String account, String symbol, PoolFile.Link link) {
    }

    /** What a verified epoch says. */
    public record Checked(MarginEpochFile epoch, MarginTables tables, List<PoolFile> pools, String digest,
                          List<Reliance> reliances) {
    }

    private MarginCheck() {
    }

    /** {@code SHA-256(frame(utf8(FORMAT)) ‖ frame(epoch.json) ‖ frame(pools.jsonl))}, frames u64be-length-prefixed. */
    public static byte[] digest(byte[] epochJson, byte[] poolsJsonl) {
        return Generators.sha256(Generators.concat(frame(MarginEpochFile.FORMAT.getBytes(StandardCharsets.UTF_8)),
                frame(epochJson), frame(poolsJsonl)));
    }

    /** @param trustedDigest the epoch digest published elsewhere (the audit chain's), or null */
    public static Verdict verify(byte[] epochJson, byte[] poolsJsonl, String trustedDigest, String openingJson) {
        List<String> lines = new ArrayList<>();
        try {
            Checked checked = check(epochJson, poolsJsonl, trustedDigest, lines);
            if (openingJson != null) {
                OpeningCheck.check(checked, openingJson, lines);
            }
            MarginEpochFile epoch = checked.epoch();
            lines.add("PASS: every one of the " + checked.pools().size() + " margin pools of epoch " + checked.digest()
                    + " was either above the liquidation ratio " + epoch.rule().liquidationRatio() + " or acted on by "
                    + "the decision of " + epoch.ruleSet() + " v" + epoch.version() + " (" + checked.reliances().size()
                    + " pools relied on an action); no position was revealed");
            return new Verdict(true, lines);
        } catch (Failure failure) {
            return Verdict.fail(lines, failure.getMessage());
        } catch (ProofRejected rejected) {
            return Verdict.fail(lines, rejected.getMessage());
        }
    }

    static Checked check(byte[] epochJson, byte[] poolsJsonl, String trustedDigest, List<String> lines)
            throws Failure, ProofRejected {
        MarginEpochFile epoch = StrictJson.read(new String(epochJson, StandardCharsets.UTF_8), MarginEpochFile.class,
                "epoch.json");
        if (!MarginEpochFile.FORMAT.equals(epoch.format())) {
            throw new Failure("epoch.json's format must be " + MarginEpochFile.FORMAT + ", not " + epoch.format());
        }
        String digest = HexFormat.of().formatHex(digest(epochJson, poolsJsonl));
        if (trustedDigest != null && !digest.equals(trustedDigest)) {
            throw new Failure("the epoch's digest is " + digest + ", not the published digest " + trustedDigest
                    + ": a file of the directory is not the one published");
        }
        MarginTables tables = MarginTables.of(epoch);
        lines.add("ok: epoch " + digest + " as of " + epoch.asOf() + ", "
                + epoch.ruleSet() + " v" + epoch.version() + " (" + epoch.versionHash() + ")");
        lines.add("ok: " + tables.markets().size() + " markets with their marks and tier tables, money in 10^-"
                + tables.moneyDecimals() + ", rates in 10^-" + tables.rateDecimals() + "; " + tables.decisions().size()
                + " decisions may be linked; a pool at or above liquidation ratio " + epoch.rule().liquidationRatio()
                + " must be acted on by one of " + epoch.rule().acting());
        byte[] epochHash = Generators.sha256(epochJson);
        List<PoolFile> pools = new ArrayList<>();
        List<Reliance> reliances = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> accounts = new HashSet<>();
        String[] text = new String(poolsJsonl, StandardCharsets.UTF_8).split("\n", -1);
        if (text.length < 2 || !text[text.length - 1].isEmpty()) {
            throw new Failure("pools.jsonl must hold one pool per line, each line ending with a newline");
        }
        if (text.length - 1 != Fields.required(epoch.poolCount(), "poolCount")) {
            throw new Failure("epoch.json says " + epoch.poolCount() + " pools, pools.jsonl has " + (text.length - 1));
        }
        for (int i = 0; i < text.length - 1; i++) {
            String at = "pools.jsonl line " + (i + 1);
            PoolFile pool = StrictJson.read(text[i], PoolFile.class, at);
            try {
                verifyPool(tables, epochHash, pool);
            } catch (ProofRejected rejected) {
                throw new Failure(at + " (account " + pool.account() + (pool.symbol() == null ? "" : " " + pool.symbol())
                        + "): " + rejected.getMessage());
            }
            if (!seen.add(pool.account() + "/" + pool.symbol())) {
                throw new Failure(at + " repeats the pool of account " + pool.account());
            }
            accounts.add(pool.account());
            pools.add(pool);
            if (pool.link() != null) {
                reliances.add(new Reliance(pool.account(), pool.symbol(), pool.link()));
            }
        }
        if (accounts.size() > Fields.required(epoch.accountCount(), "accountCount")) {
            throw new Failure("pools.jsonl has pools of " + accounts.size() + " accounts, more than the "
                    + epoch.accountCount() + " of epoch.json");
        }
        lines.add("ok: " + pools.size() + " pools of " + accounts.size() + " accounts: every notional is in its claimed "
                + "tier, every PnL follows from its committed quantity and cost basis, " + (pools.size() - reliances.size())
                + " pools shown below the liquidation ratio");
        for (Reliance reliance : reliances) {
            lines.add("relied on an action: account " + reliance.account()
                    + (reliance.symbol() == null ? "" : " (isolated " + reliance.symbol() + ")") + ": "
                    + reliance.link().type() + ", action " + reliance.link().action() + " of decision "
                    + reliance.link().decisionId() + "; shown at or above the liquidation ratio");
        }
        return new Checked(epoch, tables, pools, digest, reliances);
    }

    private static void verifyPool(MarginTables tables, byte[] epochHash, PoolFile pool) throws ProofRejected, Failure {
        byte[] account = Fields.hex32(pool.account(), "account");
        List<PoolFile.PositionFile> positions = MarginTables.required(pool.positions(), "positions");
        if (positions.isEmpty()) {
            throw new ProofRejected("a pool has one or more positions");
        }
        if (pool.symbol() != null && (positions.size() != 1 || !pool.symbol().equals(positions.get(0).symbol()))) {
            throw new ProofRejected("an isolated pool holds exactly its own position, of " + pool.symbol());
        }
        PoolFile.Link link = pool.link();
        if (link != null) {
            if (!tables.decisions().contains(link.decisionId())) {
                throw new ProofRejected("its link names decision " + link.decisionId() + ", not one of epoch.json's");
            }
            if (!tables.acting().contains(link.type())) {
                throw new ProofRejected("its link names a " + link.type() + ", which is not an action the rule accepts");
            }
            if (MarginTables.required(link.action(), "link.action") < 0) {
                throw new ProofRejected("link.action is an index from 0");
            }
        }
        List<ECPoint> variables = new ArrayList<>();
        variables.add(Secp256k1.point(pool.wallet(), "wallet"));
        List<PoolStatement.Claim> claims = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        for (int i = 0; i < positions.size(); i++) {
            String at = "positions[" + i + "]";
            PoolFile.PositionFile position = MarginTables.required(positions.get(i), at);
            claims.add(new PoolStatement.Claim(MarginTables.required(position.symbol(), at + ".symbol"),
                    MarginTables.required(position.tier(), at + ".tier")));
            if (!symbols.add(position.symbol())) {
                throw new ProofRejected("the pool holds two positions of " + position.symbol());
            }
            variables.add(Secp256k1.point(position.quantity(), at + ".quantity"));
            variables.add(Secp256k1.point(position.costBasis(), at + ".costBasis"));
            variables.add(Secp256k1.point(position.pnl(), at + ".pnl"));
        }
        PoolStatement statement = PoolStatement.of(tables, claims, link != null);
        List<com.deleverage.verifier.zk.RangeProofFile> proofs = MarginTables.required(pool.rangeProofs(), "rangeProofs");
        if (proofs.size() != statement.ranged().size()) {
            throw new ProofRejected("the pool's statement has " + statement.ranged().size() + " ranged values, its "
                    + "rangeProofs " + proofs.size());
        }
        for (int j = 0; j < proofs.size(); j++) {
            ECPoint value = Commitments.of(statement.ranged().get(j), variables);
            if (value.isInfinity()) {
                throw new ProofRejected("the commitment to '" + statement.ranged().get(j).label() + "' is the point at infinity");
            }
            try {
                RangeVerifier.verify(new RangeStatement(List.of(value),
                        PoolStatement.context(epochHash, account, pool.symbol(), link, j)),
                        RangeProof.from(proofs.get(j), "rangeProofs[" + j + "]"));
            } catch (ProofRejected rejected) {
                throw new ProofRejected("'" + statement.ranged().get(j).label() + "' is not shown to be from 0 to "
                        + "2^64 - 1: " + rejected.getMessage());
            }
        }
        for (int i = 0; i < positions.size(); i++) {
            SignProof.from(positions.get(i).signProof(), "positions[" + i + "].signProof").verify(
                    PoolStatement.context(epochHash, account, pool.symbol(), link, i),
                    Commitments.of(statement.signs().get(i)[0], variables),
                    Commitments.of(statement.signs().get(i)[1], variables), positions.get(i).symbol());
        }
    }

    private static byte[] frame(byte[] data) {
        byte[] out = new byte[8 + data.length];
        long length = data.length;
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (length >>> (56 - 8 * i));
        }
        System.arraycopy(data, 0, out, 8, data.length);
        return out;
    }
}
