package com.deleverage.admin.solvency;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.verifier.RangeCheck;
import com.deleverage.verifier.SolvencyCheck;
import com.deleverage.verifier.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Zero-knowledge epochs (step 2) over real HTTP on a fresh H2 database: the epoch hides its total and proves the
 * reserve covers it, each account's proof hides every other balance, and the account holders' verifier (its
 * {@code verify-solvency} and {@code verify-range} checks) accepts them and rejects altered ones.
 */
@MicronautTest(environments = "dev", transactional = false)
// Publishing 10,000 accounts commits 16,384 leaves and stores 32,767 nodes, and each proof is proven on request:
// seconds of CPU on a shared 2-core machine, more than the client's default 10 s read timeout allows.
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class ZeroKnowledgeEpochApiTest {
    private static final String EPOCHS = "/api/v1/solvency/epochs";

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(http);
    }

    @Test
    void anEpochOfTenThousandAccountsProvesSolvencyAndInclusionWithoutAmounts() {
        Books.Book book = Books.of(10_000, 20251010);
        Reply published = publish(book, reserveOf(book.liabilities()));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode epoch = published.json();
        long number = epoch.get("epoch").asLong();
        String root = epoch.get("root").get("hash").asText();
        assertThat(epoch.get("zeroKnowledge").asBoolean()).isTrue();
        assertThat(epoch.get("root").has("sum")).isFalse();
        assertThat(epoch.get("root").get("commitment").asText()).matches("0[23][0-9a-f]{64}");
        assertThat(epoch.get("solvent").asBoolean()).isTrue();
        assertThat(epoch.get("accountCount").asInt()).isEqualTo(10_000);
        assertThat(published.text()).doesNotContain(book.liabilities().toString());

        Reply read = api.get(EPOCHS + "/" + number, User.AUDITOR);
        assertThat(read.json()).isEqualTo(epoch);
        assertPass(SolvencyCheck.verify(read.text(), root));

        // 16,384 leaves: 14 siblings and one range proof over 15 values padded to 16 (1,024 bits, 10 rounds).
        for (int i = 0; i < 10_000; i += 2_499) {
            Reply proof = api.get(EPOCHS + "/" + number + "/proofs/" + book.ids()[i], User.AUDITOR);
            assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
            assertThat(proof.json().get("liability").asText()).isEqualTo(book.owed()[i].toString());
            assertThat(proof.json().get("path")).hasSize(14);
            assertThat(proof.json().get("path").get(0).has("sum")).isFalse();
            assertThat(proof.json().get("rangeProof").get("L")).hasSize(10);
            assertPass(RangeCheck.againstEpoch(proof.text(), read.text()));
        }

        // One byte altered in every field of a served proof (its lowest bit flipped, at every 97th character):
        // rejected each time, and so is any altered byte of the root.
        String proof = api.get(EPOCHS + "/" + number + "/proofs/acct-0", User.AUDITOR).text();
        int altered = 0;
        for (int at = 0; at < proof.length(); at += 97) {
            String changed = proof.substring(0, at) + (char) (proof.charAt(at) ^ 1) + proof.substring(at + 1);
            assertThat(RangeCheck.againstEpoch(changed, read.text()).passed()).as(changed).isFalse();
            altered++;
        }
        assertThat(altered).isGreaterThan(40);
        for (int at = 0; at < root.length(); at += 7) {
            String changed = root.substring(0, at) + (char) (root.charAt(at) ^ 1) + root.substring(at + 1);
            assertThat(RangeCheck.againstRoot(proof, changed).passed()).as(changed).isFalse();
            assertThat(SolvencyCheck.verify(read.text(), changed).passed()).as(changed).isFalse();
        }
    }

    @Test
    void anEpochShortOfOneUnitIsNotSolventAndHasNoSolvencyProof() {
        Books.Book book = Books.of(3, 7);
        Reply reply = publish(book, reserveOf(book.liabilities().subtract(BigInteger.ONE)));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().get("solvent").asBoolean()).isFalse();
        assertThat(reply.json().has("solvencyProof")).isFalse();
        Verdict verdict = SolvencyCheck.verify(reply.text(), null);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lines().getLast()).startsWith("FAIL: the epoch says solvent: false");
        // The account holders' proofs still verify: inclusion does not depend on the claim.
        Reply proof = api.get(EPOCHS + "/" + reply.json().get("epoch").asLong() + "/proofs/acct-1", User.AUDITOR);
        assertPass(RangeCheck.againstEpoch(proof.text(), reply.text()));
    }

    @Test
    void theRootAndItsCommitmentAreInTheAuditChain() {
        Reply published = publish(Books.of(5, 11), "1000000");
        long number = published.json().get("epoch").asLong();
        JsonNode entries = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("SOLVENCY_EPOCH_PUBLISHED");
        assertThat(last.get("version").asLong()).isEqualTo(number);
        assertThat(last.get("versionHash").asText()).isEqualTo("sha256:" + published.json().get("root").get("hash").asText());
        assertThat(last.get("reason").asText()).endsWith("; zero-knowledge, root commitment "
                + published.json().get("root").get("commitment").asText());
        assertThat(api.get("/api/v1/audit/verify", User.AUDITOR).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aReserveOfTwoTo64UnitsOrMoreIsA422() {
        // 2^64 units of 10^-8 = 184467440737.09551616: one unit more than a range proof can state.
        Reply reply = publish(Books.of(2, 3), "184467440737.09551616");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().get("detail").asText()).contains("a zero-knowledge epoch takes a reserve below 2^64");
        assertThat(publish(Books.of(2, 3), "184467440737.09551615").status()).isEqualTo(201);
    }

    private Reply publish(Books.Book book, String reserve) {
        return api.post(EPOCHS, User.OPERATOR, "{\"snapshot\": " + book.snapshotJson() + ", \"reserves\": {\"USDT\": \""
                + reserve + "\"}, \"zeroKnowledge\": true}");
    }

    private static void assertPass(Verdict verdict) {
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
    }

    /** Units of 10^-8 as the reserve's decimal amount. */
    private static String reserveOf(BigInteger units) {
        return new BigDecimal(units, 8).stripTrailingZeros().toPlainString();
    }
}
