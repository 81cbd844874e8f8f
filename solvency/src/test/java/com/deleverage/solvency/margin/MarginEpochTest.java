package com.deleverage.solvency.margin;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.verifier.MarginCheck;
import com.deleverage.verifier.Verdict;
import com.deleverage.verifier.Verifier;
import com.deleverage.verifier.zk.Secp256k1;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A margin epoch of a book with the reference policy's decision on it: every statement verifies, the pools the
 * decision liquidated are the ones below maintenance margin, and any change to a commitment, a proof, a public table
 * value or a decision link is refused. (An account holder's own check: {@link MarginWorkedExampleTest}.)
 *
 * <p>300 accounts in {@code ./mvnw verify} (about a minute of proving on two cores); the figures of
 * docs/solvency.md were measured with {@code -Dmargin.epoch.accounts=1000}.
 */
class MarginEpochTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ACCOUNTS = Integer.getInteger("margin.epoch.accounts", 300);
    private static Snapshot book;
    private static MarginEpoch epoch;

    @TempDir
    Path dir;

    @BeforeAll
    static void publish() {
        book = MarginBooks.book(ACCOUNTS, 19);
        epoch = new MarginEpochBuilder(new SecureRandom()).build(book, MarginBooks.facts(MarginBooks.decide(book)),
                MarginBooks.REFERENCE_RULE);
    }

    /**
     * The pools at or above the liquidation ratio 1 or bankrupt, computed here with plain decimals rather than with
     * the engine: notional |q| × mark, its tier floor &lt; N ≤ cap (the first from 0), MM = N × rate − amount,
     * equity = collateral + Σ q × (mark − entry); below when equity ≤ 0 or MM ≥ equity.
     */
    private static int poolsBelowMaintenanceMargin() {
        Map<String, Market> markets = new HashMap<>();
        book.markets().forEach(m -> markets.put(m.symbol(), m));
        int below = 0;
        for (Account account : book.accounts()) {
            if (account.marginMode() == MarginMode.CROSS) {
                BigDecimal equity = account.walletBalance();
                BigDecimal margin = BigDecimal.ZERO;
                for (Position p : account.positions()) {
                    equity = equity.add(pnl(p, markets.get(p.symbol())));
                    margin = margin.add(maintenance(p, markets.get(p.symbol())));
                }
                below += equity.signum() <= 0 || margin.compareTo(equity) >= 0 ? 1 : 0;
            } else {
                for (Position p : account.positions()) {
                    BigDecimal equity = p.isolatedMargin().add(pnl(p, markets.get(p.symbol())));
                    below += equity.signum() <= 0 || maintenance(p, markets.get(p.symbol())).compareTo(equity) >= 0 ? 1 : 0;
                }
            }
        }
        return below;
    }

    private static BigDecimal pnl(Position p, Market market) {
        return p.quantity().multiply(market.markPrice().subtract(p.entryPrice()));
    }

    private static BigDecimal maintenance(Position p, Market market) {
        BigDecimal notional = p.quantity().abs().multiply(market.markPrice());
        for (RiskTier tier : market.riskTiers()) {
            boolean above = notional.compareTo(tier.notionalFloor()) > 0 || tier.notionalFloor().signum() == 0;
            if (above && notional.compareTo(tier.notionalCap()) <= 0) {
                return notional.multiply(tier.maintenanceMarginRate()).subtract(tier.maintenanceAmount());
            }
        }
        RiskTier last = market.riskTiers().getLast();
        return notional.multiply(last.maintenanceMarginRate()).subtract(last.maintenanceAmount());
    }

    private static int isolatedPositionsAndCrossAccounts() {
        return book.accounts().stream().mapToInt(a -> a.marginMode() == MarginMode.CROSS ? 1 : a.positions().size()).sum();
    }

    @Test
    void everyStatementVerifiesAndThePoolsThatReliedOnAnActionAreTheOnesBelowMaintenanceMargin() throws Exception {
        int below = poolsBelowMaintenanceMargin();
        assertThat(below).as("a book the policy acts on, not a book it liquidates whole").isBetween(ACCOUNTS / 50, ACCOUNTS / 2);
        assertThat(epoch.pools()).isEqualTo(isolatedPositionsAndCrossAccounts());
        assertThat(epoch.linked()).isEqualTo(below);

        Files.write(dir.resolve("epoch.json"), epoch.epochJson());
        Files.write(dir.resolve("pools.jsonl"), epoch.poolsJsonl());
        StringWriter out = new StringWriter();
        CommandLine command = Verifier.commandLine();
        command.setOut(new PrintWriter(out));
        int status = command.execute("verify-margin", dir.toString(), "--digest", epoch.digest());

        assertThat(status).as(out.toString()).isZero();
        assertThat(out.toString().lines().filter(l -> l.startsWith("relied on an action: account "))).hasSize(below);
        assertThat(out.toString()).contains("PASS: every one of the " + epoch.pools() + " margin pools of epoch " + epoch.digest())
                .doesNotContain("acct-");
    }

    private static Verdict withFirstPool(Consumer<ObjectNode> change) throws Exception {
        String text = new String(epoch.poolsJsonl(), StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        ObjectNode first = (ObjectNode) JSON.readTree(text.substring(0, end));
        change.accept(first);
        byte[] pools = (JSON.writeValueAsString(first) + text.substring(end)).getBytes(StandardCharsets.UTF_8);
        return MarginCheck.verify(epoch.epochJson(), pools, null, null);
    }

    private static Verdict withEpoch(Consumer<ObjectNode> change) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(epoch.epochJson());
        change.accept(file);
        return MarginCheck.verify(JSON.writeValueAsBytes(file), epoch.poolsJsonl(), null, null);
    }

    private static String anotherPoint(String point) {
        return Secp256k1.hex(Secp256k1.CURVE.decodePoint(java.util.HexFormat.of().parseHex(point)).add(Secp256k1.G));
    }

    @Test
    void aChangedCommitmentIsRefused() throws Exception {
        assertThat(withFirstPool(p -> p.put("wallet", anotherPoint(p.get("wallet").asText()))).lines().getLast())
                .startsWith("FAIL: pools.jsonl line 1").contains("is not shown to be from 0 to 2^64 - 1");
        assertThat(withFirstPool(p -> {
            ObjectNode position = (ObjectNode) p.get("positions").get(0);
            position.put("pnl", anotherPoint(position.get("pnl").asText()));
        }).lines().getLast()).startsWith("FAIL: pools.jsonl line 1");
    }

    @Test
    void aChangedProofIsRefused() throws Exception {
        assertThat(withFirstPool(p -> ((ObjectNode) p.get("rangeProofs").get(0)).put("taux", "00".repeat(31) + "01"))
                .lines().getLast()).contains("polynomial check fails");
        assertThat(withFirstPool(p -> ((ObjectNode) p.get("positions").get(0).get("signProof")).put("z0", "00".repeat(31) + "02"))
                .lines().getLast()).contains("the sign proof of ").contains("fails");
    }

    @Test
    void aChangedTableValueOrMarkIsRefused() throws Exception {
        assertThat(withEpoch(e -> ((ObjectNode) e.get("markets").get(0).get("tiers").get(1)).put("rate", "0.004"))
                .passed()).isFalse();
        assertThat(withEpoch(e -> ((ObjectNode) e.get("markets").get(0)).put("mark", "103441.4")).lines().getLast())
                .startsWith("FAIL: pools.jsonl line 1");
        assertThat(withEpoch(e -> ((ObjectNode) e.get("rule")).put("liquidationRatio", "0.9")).lines().getLast())
                .startsWith("FAIL: pools.jsonl line 1");
    }

    @Test
    void aChangedDecisionLinkIsRefused() throws Exception {
        String text = new String(epoch.poolsJsonl(), StandardCharsets.UTF_8);
        String linkedLine = text.lines().filter(l -> !l.contains("\"link\":null")).findFirst().orElseThrow();
        int number = text.lines().toList().indexOf(linkedLine) + 1;
        for (Consumer<ObjectNode> change : java.util.List.<Consumer<ObjectNode>>of(
                p -> ((ObjectNode) p.get("link")).put("action", p.get("link").get("action").asInt() + 1),
                p -> ((ObjectNode) p.get("link")).put("decisionId", "another-decision"),
                p -> ((ObjectNode) p.get("link")).put("type", "MARGIN_CALL"),
                p -> p.putNull("link"))) {
            ObjectNode pool = (ObjectNode) JSON.readTree(linkedLine);
            change.accept(pool);
            byte[] pools = text.replace(linkedLine, JSON.writeValueAsString(pool)).getBytes(StandardCharsets.UTF_8);
            assertThat(MarginCheck.verify(epoch.epochJson(), pools, null, null).lines().getLast())
                    .startsWith("FAIL: pools.jsonl line " + number);
        }
    }

    @Test
    void filesOtherThanThePublishedOnesDoNotHaveThePublishedDigest() {
        byte[] pools = new String(epoch.poolsJsonl(), StandardCharsets.UTF_8).replaceFirst("\n[^\n]*\n$", "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(MarginCheck.verify(epoch.epochJson(), pools, epoch.digest(), null).lines().getLast())
                .startsWith("FAIL: the epoch's digest is ");
        assertThat(MarginCheck.verify(epoch.epochJson(), pools, null, null).lines().getLast())
                .startsWith("FAIL: epoch.json says " + epoch.pools() + " pools, pools.jsonl has " + (epoch.pools() - 1));
    }
}
