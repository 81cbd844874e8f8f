package com.deleverage.admin.solvency;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.verifier.EpochCheck;
import com.deleverage.verifier.InclusionCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
 * Epochs over real HTTP on a fresh H2 database: published by an operator, read by an auditor, every proof
 * checked by the account holders' verifier (its own module, sharing no code with the platform).
 */
@MicronautTest(environments = "dev", transactional = false)
class SolvencyApiTest {
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
    void anEpochOfTenThousandAccountsGivesProofsTheVerifierAccepts() {
        Books.Book book = Books.of(10_000, 20251010);
        Reply published = publish(book, reserveOf(book.liabilities()));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode epoch = published.json();
        long number = epoch.get("epoch").asLong();
        String root = epoch.get("root").get("hash").asText();
        assertThat(epoch.get("root").get("sum").asText()).isEqualTo(book.liabilities().toString());
        assertThat(epoch.get("accountCount").asInt()).isEqualTo(10_000);
        assertThat(epoch.get("solvent").asBoolean()).isTrue();
        assertThat(epoch.get("deficits").get("sum").asText()).isEqualTo(book.deficits().toString());
        assertThat(epoch.get("publishedBy").asText()).isEqualTo("operator");

        Reply read = api.get(EPOCHS + "/" + number, User.AUDITOR);
        assertThat(read.json()).isEqualTo(epoch);
        assertThat(EpochCheck.verify(read.text(), root).passed()).isTrue();

        // 16,384 leaves: every proof has 14 siblings. Every 97th account, 104 proofs, each checked both ways.
        for (int i = 0; i < 10_000; i += 97) {
            Reply proof = api.get(EPOCHS + "/" + number + "/proofs/" + book.ids()[i], User.AUDITOR);
            assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
            assertThat(proof.json().get("liability").asText()).isEqualTo(book.owed()[i].toString());
            assertThat(proof.json().get("path")).hasSize(14);
            assertThat(InclusionCheck.againstRoot(proof.text(), root).passed()).as(proof.text()).isTrue();
            assertThat(InclusionCheck.againstEpoch(proof.text(), read.text()).passed()).as(proof.text()).isTrue();
        }

        // Any single altered byte of a served proof (its lowest bit flipped) is rejected, and so is any altered
        // byte of the root.
        String proof = api.get(EPOCHS + "/" + number + "/proofs/acct-0", User.AUDITOR).text();
        for (int at = 0; at < proof.length(); at++) {
            String altered = proof.substring(0, at) + (char) (proof.charAt(at) ^ 1) + proof.substring(at + 1);
            assertThat(InclusionCheck.againstEpoch(altered, read.text()).passed()).as(altered).isFalse();
        }
        for (int at = 0; at < root.length(); at++) {
            String altered = root.substring(0, at) + (char) (root.charAt(at) ^ 1) + root.substring(at + 1);
            assertThat(InclusionCheck.againstRoot(proof, altered).passed()).as(altered).isFalse();
        }
    }

    @Test
    void solventMeansTheReserveCoversTheRootSumToTheUnit() {
        Books.Book book = Books.of(3, 7);
        HttpResponse<String> exact = http.toBlocking().exchange(HttpRequest.POST(EPOCHS, body(book,
                reserveOf(book.liabilities()))).contentType(MediaType.APPLICATION_JSON_TYPE)
                .basicAuth("operator", "operator-dev-password"), String.class);
        assertThat(exact.code()).isEqualTo(201);
        assertThat(exact.getBody().orElseThrow()).contains("\"solvent\":true");
        assertThat(exact.header("Location")).matches(EPOCHS + "/[0-9]+");

        Reply short1 = publish(book, reserveOf(book.liabilities().subtract(BigInteger.ONE)));
        assertThat(short1.json().get("solvent").asBoolean()).isFalse();
        assertThat(EpochCheck.verify(short1.text(), null).passed()).isTrue();
        // A second epoch of the same snapshot has fresh salts: another root, the same sum.
        assertThat(short1.json().get("root").get("hash").asText())
                .isNotEqualTo(api.get(exact.header("Location"), User.AUDITOR).json().get("root").get("hash").asText());
    }

    @Test
    void theRootIsWrittenToTheAuditChain() {
        Reply published = publish(Books.of(5, 11), "1000000");
        long number = published.json().get("epoch").asLong();
        JsonNode entries = api.get("/api/v1/audit?size=500", User.AUDITOR).json().get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("SOLVENCY_EPOCH_PUBLISHED");
        assertThat(last.get("actor").asText()).isEqualTo("operator");
        assertThat(last.get("version").asLong()).isEqualTo(number);
        assertThat(last.get("versionHash").asText()).isEqualTo("sha256:" + published.json().get("root").get("hash").asText());
        assertThat(last.get("reason").asText()).startsWith("epoch " + number + " as of 2025-10-10T21:15:00Z: root sum "
                + published.json().get("root").get("sum").asText() + " (10^-8 units) over 5 accounts in a tree of depth 3; "
                + "reserve 1000000 USDT; ");
        assertThat(api.get("/api/v1/audit/verify", User.AUDITOR).json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void onlyOperatorsPublishAndOnlyAuditorsRead() {
        Books.Book book = Books.of(2, 3);
        assertThat(api.post(EPOCHS, User.TRADER, body(book, "1")).status()).isEqualTo(403);
        assertThat(api.post(EPOCHS, User.AUDITOR, body(book, "1")).status()).isEqualTo(403);
        long number = publish(book, "1").json().get("epoch").asLong();
        assertThat(api.get(EPOCHS + "/" + number, User.OPERATOR).status()).isEqualTo(403);
        assertThat(api.get(EPOCHS + "/" + number + "/proofs/acct-0", User.TRADER).status()).isEqualTo(403);
        assertThat(api.get(EPOCHS + "/" + number + "/proofs/acct-0", User.ANONYMOUS).status()).isEqualTo(401);
    }

    @Test
    void badInputIsA400NamingTheFieldAndUnknownThingsA404() {
        Books.Book book = Books.of(2, 3);
        assertProblem(api.post(EPOCHS, User.OPERATOR, "{\"snapshot\": " + book.snapshotJson() + "}"), 400, "reserves",
                "the epoch request is invalid (1 problem): reserves: must name exactly one asset");
        assertProblem(publishRaw(book, "{\"USDT\": \"1\", \"USDC\": \"1\"}"), 400, "reserves", "the epoch request is invalid");
        assertProblem(publish(book, "-1"), 400, "reserves.USDT", "reserves.USDT: must be 0 or more with at most 8 decimal places");
        assertProblem(publish(book, "0.000000001"), 400, "reserves.USDT", "the epoch request is invalid");
        assertProblem(publishRaw(book, "{\"US DT\": \"1\"}"), 400, "reserves.US DT", "the epoch request is invalid");
        assertProblem(api.post(EPOCHS, User.OPERATOR, "{\"reserves\": {\"USDT\": \"1\"}}"), 400, "snapshot",
                "snapshot: is required");
        assertProblem(api.post(EPOCHS, User.OPERATOR, "{\"snapshot\": {\"asOf\": \"2025-10-10T21:15:00Z\"}, "
                + "\"reserves\": {\"USDT\": \"1\"}}"), 400, "snapshot.accounts", "must hold at least one account");
        assertProblem(api.post(EPOCHS, User.OPERATOR, "{\"snapshot\": " + book.snapshotJson().replace(
                "\"walletBalance\":\"", "\"walletBalance\":\"-") + ", \"reserves\": {\"USDT\": \"1\"}}"), 400,
                "snapshot.accounts[0].walletBalance", "the epoch request is invalid");
        assertProblem(api.post(EPOCHS, User.OPERATOR, "{\"snapshot\": " + book.snapshotJson()
                + ", \"reserves\": {\"USDT\": \"1\"}, \"extra\": 1}"), 400, "extra", "the request body is invalid");
        assertProblem(api.get(EPOCHS + "/abc", User.AUDITOR), 400, "epoch", "an epoch is a whole number from 1, not 'abc'");
        assertProblem(api.get(EPOCHS + "/0/proofs/acct-0", User.AUDITOR), 400, "epoch", "an epoch is a whole number");
        assertProblem(api.get(EPOCHS + "/999999", User.AUDITOR), 404, null, "no solvency epoch 999999");
        long number = publish(book, "1").json().get("epoch").asLong();
        assertProblem(api.get(EPOCHS + "/" + number + "/proofs/nobody", User.AUDITOR), 404, null,
                "epoch " + number + " has no account 'nobody'");
    }

    @Test
    void liabilitiesBeyond128BitsAreA422() {
        // Four accounts short 10^15 BTC from 10^15 with the mark at 1: each owed about 10^30 = 10^38 units;
        // together about 4 x 10^38 > 2^128 - 1 = 3.4 x 10^38.
        StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            accounts.append(i == 0 ? "" : ",").append("{\"id\":\"whale-").append(i).append("\",\"walletBalance\":\"0\","
                    + "\"marginMode\":\"CROSS\",\"positions\":[{\"symbol\":\"BTCUSDT\",\"quantity\":\"-1000000000000000\","
                    + "\"entryPrice\":\"1000000000000000\"}]}");
        }
        String snapshot = "{\"asOf\": \"2025-10-10T21:15:00Z\", \"markets\": [{\"symbol\": \"BTCUSDT\", \"markPrice\": \"1\","
                + "\"riskTiers\": [{\"notionalFloor\": \"0\", \"notionalCap\": \"1000000000000000\", "
                + "\"maintenanceMarginRate\": \"0.004\", \"maintenanceAmount\": \"0\", \"maxLeverage\": 125}]}], "
                + "\"accounts\": [" + accounts + "]}";
        Reply reply = api.post(EPOCHS, User.OPERATOR, "{\"snapshot\": " + snapshot + ", \"reserves\": {\"USDT\": \"1\"}}");
        assertProblem(reply, 422, null, "the snapshot's liabilities cannot be committed to: the sum ");
    }

    private static void assertProblem(Reply reply, int status, String field, String detail) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.json().get("detail").asText()).contains(detail);
        if (field != null) {
            assertThat(reply.json().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        }
    }

    private Reply publish(Books.Book book, String reserve) {
        return publishRaw(book, "{\"USDT\": \"" + reserve + "\"}");
    }

    private Reply publishRaw(Books.Book book, String reserves) {
        return api.post(EPOCHS, User.OPERATOR, "{\"snapshot\": " + book.snapshotJson() + ", \"reserves\": " + reserves + "}");
    }

    private static String body(Books.Book book, String reserve) {
        return "{\"snapshot\": " + book.snapshotJson() + ", \"reserves\": {\"USDT\": \"" + reserve + "\"}}";
    }

    /** Units of 10^-8 as the reserve's decimal amount. */
    private static String reserveOf(BigInteger units) {
        return new BigDecimal(units, 8).stripTrailingZeros().toPlainString();
    }
}
