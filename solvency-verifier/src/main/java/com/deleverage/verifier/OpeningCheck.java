package com.deleverage.verifier;

import com.deleverage.verifier.margin.Commitments;
import com.deleverage.verifier.margin.Figures;
import com.deleverage.verifier.margin.MarginOpeningFile;
import com.deleverage.verifier.margin.MarginTables;
import com.deleverage.verifier.margin.PoolFile;
import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.ProofRejected;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An account holder's own check: the wallet and positions they know from their statement, with the blindings the
 * venue gave them, open their pools' commitments in the verified epoch; and every pool of their account is one
 * they know of.
 */
final class OpeningCheck {
    private OpeningCheck() {
    }

    static void check(MarginCheck.Checked checked, String openingJson, List<String> lines) throws Failure, ProofRejected {
        MarginOpeningFile opening = StrictJson.read(openingJson, MarginOpeningFile.class, "the opening file");
        if (!checked.digest().equals(opening.digest())) {
            throw new Failure("your opening is for epoch " + opening.digest() + ", not for this one (" + checked.digest() + ")");
        }
        String accountId = Fields.required(opening.accountId(), "accountId");
        byte[] salt = Fields.hex32(opening.salt(), "salt");
        String account = HexFormat.of().formatHex(Generators.sha256(
                Generators.concat(accountId.getBytes(StandardCharsets.UTF_8), salt)));
        List<PoolFile> mine = checked.pools().stream().filter(p -> p.account().equals(account)).toList();
        List<MarginOpeningFile.Pool> known = Fields.required(opening.pools(), "pools");
        if (mine.size() != known.size()) {
            throw new Failure("the epoch has " + mine.size() + " pools of account '" + accountId + "' (commitment "
                    + account + "), your opening " + known.size());
        }
        for (MarginOpeningFile.Pool pool : known) {
            Fields.required(pool, "pools[]");
            PoolFile committed = mine.stream().filter(p -> Objects.equals(p.symbol(), pool.symbol())).findFirst()
                    .orElseThrow(() -> new Failure("the epoch has no " + describe(pool.symbol()) + " of account '"
                            + accountId + "'"));
            checkPool(checked.tables(), pool, committed);
            lines.add("ok: your " + describe(pool.symbol()) + " (account '" + accountId + "', commitment " + account
                    + "): collateral " + pool.wallet() + " and " + positions(pool) + " are exactly what is committed; "
                    + (committed.link() == null ? "shown below the liquidation ratio"
                    : "acted on by " + committed.link().type() + ", action " + committed.link().action()
                    + " of decision " + committed.link().decisionId()));
        }
    }

    private static void checkPool(MarginTables tables, MarginOpeningFile.Pool pool, PoolFile committed)
            throws Failure, ProofRejected {
        String where = describe(pool.symbol());
        expect(Figures.collateral(tables, decimal(pool.wallet(), "wallet")), pool.walletBlinding(), committed.wallet(),
                "the collateral of your " + where);
        List<MarginOpeningFile.Position> positions = Fields.required(pool.positions(), "positions");
        if (positions.size() != committed.positions().size()) {
            throw new Failure("your " + where + " has " + positions.size() + " positions, the epoch's "
                    + committed.positions().size());
        }
        for (int i = 0; i < positions.size(); i++) {
            MarginOpeningFile.Position position = Fields.required(positions.get(i), "positions[" + i + "]");
            Fields.required(position.symbol(), "positions[" + i + "].symbol");
            PoolFile.PositionFile shown = committed.positions().get(i);
            if (!position.symbol().equals(shown.symbol())) {
                throw new Failure("position " + (i + 1) + " of your " + where + " is " + position.symbol()
                        + ", the epoch's " + shown.symbol());
            }
            MarginTables.Market market = tables.market(position.symbol());
            BigDecimal quantity = new BigDecimal(Fields.required(position.quantity(), "quantity"));
            BigInteger a = Figures.quantity(market, quantity);
            BigInteger b = Figures.costBasis(tables, quantity, decimal(position.entryPrice(), "entryPrice"));
            expect(a, position.quantityBlinding(), shown.quantity(), "the quantity of your " + position.symbol() + " position");
            expect(b, position.costBasisBlinding(), shown.costBasis(), "the cost basis of your " + position.symbol() + " position");
            expect(Figures.pnl(market, quantity, a, b), position.pnlBlinding(), shown.pnl(),
                    "the PnL of your " + position.symbol() + " position");
        }
    }

    private static void expect(BigInteger value, String blinding, String committed, String what)
            throws Failure, ProofRejected {
        ECPoint mine = Commitments.commit(value, Secp256k1.scalar(blinding, what + "'s blinding"));
        if (!Secp256k1.hex(mine).equals(committed)) {
            throw new Failure(what + " is not the value committed in the epoch (" + committed + ")");
        }
    }

    private static BigDecimal decimal(String value, String field) throws Failure {
        try {
            return new BigDecimal(Fields.required(value, field));
        } catch (NumberFormatException e) {
            throw new Failure(field + " must be a decimal, not '" + value + "'");
        }
    }

    private static String positions(MarginOpeningFile.Pool pool) {
        return String.join(", ", pool.positions().stream()
                .map(p -> p.symbol() + " " + p.quantity() + " at " + p.entryPrice()).toList());
    }

    private static String describe(String symbol) {
        return symbol == null ? "cross pool" : "isolated " + symbol + " pool";
    }
}
