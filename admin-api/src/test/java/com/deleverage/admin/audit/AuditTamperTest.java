package com.deleverage.admin.audit;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.SeedPolicy;
import com.deleverage.admin.Snapshots;
import com.deleverage.admin.activation.ActiveVersionSync;
import com.deleverage.engine.compile.ContentHash;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The red team's database edits, each made over JDBC the way someone with write access to the database but
 * without the audit key would make them (recomputing the chain with plain SHA-256, or with HMAC under a
 * guessed key), against a node over a file database with its checkpoint file beside it. Each edit must be
 * named by {@code GET /api/v1/audit/verify} with its exact kind, and those that change what would be served
 * must also stop a restart before anything is compiled.
 *
 * <p>History of every test, as audit rows: 1-3 the seed (staged, validated, seeded v1), 4-7 v2 (staged,
 * validated, approved by approver, activated by operator), 8-10 v3 (staged, validated, approved, never
 * activated); two evaluations under v2, sealed as decision seals 1 and 2; a checkpoint exported after them.
 */
class AuditTamperTest {
    private static final String VERSIONS = "/api/v1/rulesets/deleveraging/versions";
    private static final String GUESSED_KEY = "a-guessed-key-that-is-not-the-audit-key-0123456789";

    @TempDir
    Path dataDir;

    private EmbeddedServer node;
    private HttpClient http;
    private Api api;
    private final List<String> decisionIds = new ArrayList<>();

    @BeforeEach
    void history() {
        node = start();
        http = node.getApplicationContext().createBean(HttpClient.class, node.getURL());
        api = new Api(http);
        for (int version = 2; version <= 3; version++) {
            Reply staged = api.post(VERSIONS, User.AUTHOR, SeedPolicy.stageRequest("v" + version,
                    SeedPolicy.filesWithComment("v" + version)));
            assertThat(staged.status()).as(staged.toString()).isEqualTo(201);
            assertThat(api.post(VERSIONS + "/" + version + "/approve", User.APPROVER, "").status()).isEqualTo(200);
            if (version == 2) {
                assertThat(api.post(VERSIONS + "/2/activate", User.OPERATOR, "").status()).isEqualTo(200);
            }
        }
        for (int i = 0; i < 2; i++) {
            Reply decision = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);
            assertThat(decision.json().get("version").asInt()).isEqualTo(2);
            decisionIds.add(decision.json().get("decisionId").asText());
        }
        Checkpoint checkpoint = node.getApplicationContext().getBean(ChainWatch.class).exportCheckpoint().orElseThrow();
        assertThat(checkpoint.seq()).isEqualTo(10);
        assertThat(checkpoint.decisionSeq()).isEqualTo(2);

        JsonNode sound = verify();
        assertThat(sound.get("valid").asBoolean()).as(sound.toString()).isTrue();
        assertThat(sound.get("verifiedRows").asLong()).isEqualTo(10);
        assertThat(sound.get("headSeq").asLong()).isEqualTo(10);
        assertThat(sound.get("sealedBatches").asLong()).isEqualTo(2);
        assertThat(sound.get("sealedDecisions").asLong()).isEqualTo(2);
        assertThat(sound.get("checkpoint").get("seq").asLong()).isEqualTo(10);
        assertThat(sound.get("breaks")).isEmpty();
    }

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void deletingTheLastRowAndMovingTheHeadBackFallsShortOfTheCheckpoint() throws Exception {
        sql("DELETE FROM audit_log WHERE seq = 10");
        sql("UPDATE audit_chain_head SET last_seq = 9, last_hash = (SELECT hash FROM audit_log WHERE seq = 9)");

        JsonNode result = verify();

        assertBreaks(result, "TRUNCATED audit 10", "APPROVAL_MISMATCH versions v3");
        assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(10);
        assertThat(result.get("verifiedRows").asLong()).isEqualTo(9);
        assertThat(result.get("problem").asText()).contains("records row 10 but the chain ends at row 9");
        assertRestartRefused("TRUNCATED");
    }

    @Test
    void anEditedRowRehashedWithSha256IsAlteredFromThatRowOn() throws Exception {
        sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 6");
        rechainFrom(6, this::sha256);

        assertEditedApprovalRowDetected(verify());
    }

    @Test
    void anEditedRowRehashedWithAGuessedKeyIsAlteredFromThatRowOn() throws Exception {
        sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 6");
        rechainFrom(6, this::guessedKey);

        assertEditedApprovalRowDetected(verify());
    }

    @Test
    void aDeletedRowWithTheRestRenumberedAndRehashedIsAltered() throws Exception {
        sql("DELETE FROM audit_log WHERE seq = 7"); // v2's activation
        for (long seq = 8; seq <= 10; seq++) {
            sql("UPDATE audit_log SET seq = " + (seq - 1) + " WHERE seq = " + seq);
        }
        rechainFrom(7, this::sha256);

        JsonNode result = verify();

        assertBreaks(result, "ROW_ALTERED audit 7", "ROW_ALTERED audit 8", "ROW_ALTERED audit 9",
                "TRUNCATED audit 10", "ACTIVE_VERSION_MISMATCH versions v2", "VERSION_UNRECORDED versions v3",
                "APPROVAL_MISMATCH versions v3");
        assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(7);
        assertThat(result.get("verifiedRows").asLong()).isEqualTo(6);
    }

    @Test
    void swappedRowsRehashedWithAGuessedKeyAreAltered() throws Exception {
        sql("UPDATE audit_log SET seq = -4 WHERE seq = 4");
        sql("UPDATE audit_log SET seq = 4 WHERE seq = 5");
        sql("UPDATE audit_log SET seq = 5 WHERE seq = -4");
        rechainFrom(4, this::guessedKey);

        JsonNode result = verify();

        assertBreaks(result, "ROW_ALTERED audit 4", "ROW_ALTERED audit 5", "ROW_ALTERED audit 6",
                "ROW_ALTERED audit 7", "ROW_ALTERED audit 8", "ROW_ALTERED audit 9", "ROW_ALTERED audit 10",
                "CHECKPOINT_MISMATCH audit 10", "ACTIVE_VERSION_MISMATCH versions v2",
                "VERSION_UNRECORDED versions v2", "APPROVAL_MISMATCH versions v2", "VERSION_UNRECORDED versions v3",
                "APPROVAL_MISMATCH versions v3");
        assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(4);
        assertThat(result.get("kind").asText()).isEqualTo("ROW_ALTERED");
    }

    @Test
    void anotherApproverOfAnApprovedVersionIsNamed() throws Exception {
        sql("UPDATE approval SET approver = 'mallory' WHERE rule_set = 'deleveraging' AND version_no = 3");

        JsonNode result = verify();

        assertBreaks(result, "APPROVAL_MISMATCH versions v3");
        assertThat(result.get("problem").asText()).isEqualTo("deleveraging v3 is recorded as approved by 'mallory' "
                + "but the chain (row 10) says 'approver' approved it");
        assertThat(result.has("firstBrokenSeq")).as("no audit row is broken").isFalse();
    }

    @Test
    void anotherApproverOfTheActiveVersionStopsARestart() throws Exception {
        sql("UPDATE approval SET approver = 'author' WHERE rule_set = 'deleveraging' AND version_no = 2");

        assertBreaks(verify(), "APPROVAL_MISMATCH versions v2");
        assertRestartRefused("APPROVAL_MISMATCH: deleveraging v2 is recorded as approved by 'author' but the chain "
                + "(row 6) says 'approver' approved it");
    }

    @Test
    void anActivePointerMovedToAnApprovedNeverActivatedVersionIsNeitherServedNorStarted() throws Exception {
        sql("UPDATE rule_set SET active_version = 3, activation_count = activation_count + 1 WHERE name = 'deleveraging'");
        sql("UPDATE rule_set_version SET state = 'RETIRED' WHERE rule_set = 'deleveraging' AND version_no = 2");
        sql("UPDATE rule_set_version SET state = 'ACTIVE' WHERE rule_set = 'deleveraging' AND version_no = 3");

        JsonNode result = verify();
        assertBreaks(result, "ACTIVE_VERSION_MISMATCH versions v3");
        assertThat(result.get("problem").asText()).isEqualTo("rule set 'deleveraging' points at v3 but its latest "
                + "activation in the chain (row 7) made v2 active: the active version was re-pointed outside the platform");

        ActiveVersionSync sync = node.getApplicationContext().getBean(ActiveVersionSync.class);
        assertThatThrownBy(sync::syncAll).isInstanceOf(AuditChainException.class)
                .hasMessageContaining("records deleveraging v3").hasMessageContaining("is v2");
        Reply served = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);
        assertThat(served.json().get("version").asInt()).as("still the version the chain activated").isEqualTo(2);

        assertRestartRefused("ACTIVE_VERSION_MISMATCH: rule set 'deleveraging' points at v3");
    }

    /** The replaced files do not even compile: the start fails on the chain, so nothing was compiled before. */
    @Test
    void anActiveVersionsFilesEditedWithTheirContentHashAreNeitherVerifiedNorStarted() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT file_path, content FROM rule_file "
                     + "WHERE rule_set = 'deleveraging' AND version_no = 2")) {
            while (rs.next()) {
                files.put(rs.getString(1), rs.getString(2));
            }
        }
        String drl = files.keySet().stream().filter(p -> p.endsWith(".drl")).findFirst().orElseThrow();
        files.put(drl, files.get(drl).replace("marginRatio >= 1", "marginRatio >= 100") + "\nrule \"broken\" when then");
        String forgedHash = ContentHash.of(files);
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement(
                "UPDATE rule_file SET content = ? WHERE rule_set = 'deleveraging' AND version_no = 2 AND file_path = ?")) {
            update.setString(1, files.get(drl));
            update.setString(2, drl);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        sql("UPDATE rule_set_version SET content_hash = '" + forgedHash + "' WHERE rule_set = 'deleveraging' AND version_no = 2");

        JsonNode result = verify();

        assertBreaks(result, "VERSION_CONTENT versions v2", "APPROVAL_MISMATCH versions v2");
        assertThat(result.get("problem").asText()).contains("hashes to " + forgedHash + " but the chain staged");
        assertRestartRefused("VERSION_CONTENT: the content of deleveraging v2 hashes to " + forgedHash);
    }

    @Test
    void aLoggedDecisionsEditedActionsNoLongerMatchTheirSeal() throws Exception {
        String id = decisionIds.get(0);
        sql("UPDATE decision_log SET actions = '[]', decision = REPLACE(decision, 'LIQUIDATE', 'WARN') "
                + "WHERE decision_id = '" + id + "'");

        JsonNode result = verify();

        assertBreaks(result, "DECISION_ALTERED decisions 1");
        assertThat(result.get("breaks").get(0).get("decisionId").asText()).isEqualTo(id);
        assertThat(result.get("sealedDecisions").asLong()).isEqualTo(1);
    }

    @Test
    void aDeletedDecisionLeavesItsSealUncovered() throws Exception {
        String id = decisionIds.get(1);
        sql("DELETE FROM decision_account WHERE decision_id = '" + id + "'");
        sql("DELETE FROM decision_log WHERE decision_id = '" + id + "'");

        JsonNode result = verify();

        assertBreaks(result, "DECISION_ALTERED decisions 2");
        assertThat(result.get("problem").asText()).isEqualTo("seal 2 covers 1 decisions but none of them is stored: "
                + "they were deleted");
    }

    @Test
    void anInsertedDecisionBelongsToNoSeal() throws Exception {
        String original = decisionIds.get(0);
        sql("INSERT INTO decision_log (decision_id, rule_set, version_no, version_hash, input_hash, caller, as_of, "
                + "evaluated_at, input, decision, actions, fired_rules, rule_firings, elapsed_micros) "
                + "SELECT 'forged-decision', rule_set, version_no, version_hash, input_hash, caller, as_of, evaluated_at, "
                + "input, decision, actions, fired_rules, rule_firings, elapsed_micros FROM decision_log "
                + "WHERE decision_id = '" + original + "'");

        JsonNode result = verify();

        assertBreaks(result, "DECISION_UNSEALED decisions -");
        assertThat(result.get("breaks").get(0).get("decisionId").asText()).isEqualTo("forged-decision");
    }

    /** Whoever cuts the chain and moves the checkpoint back with it cannot sign the edited line. */
    @Test
    void aCheckpointLineEditedToMatchACutChainIsForged() throws Exception {
        sql("DELETE FROM audit_log WHERE seq = 10");
        sql("UPDATE audit_chain_head SET last_seq = 9, last_hash = (SELECT hash FROM audit_log WHERE seq = 9)");
        String hash9;
        try (Connection c = connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT hash FROM audit_log WHERE seq = 9")) {
            rs.next();
            hash9 = rs.getString(1);
        }
        Path file = dataDir.resolve("audit-checkpoints.log");
        String line = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(file, line.replaceFirst("audit=10/hmac:[0-9a-f]{64}", "audit=9/" + hash9));

        JsonNode result = verify();

        assertBreaks(result, "CHECKPOINT_FORGED audit -", "APPROVAL_MISMATCH versions v3");
        assertThat(result.get("problem").asText()).isEqualTo("line 1 of " + file + " is not signed with an audit "
                + "key: the file was edited");
        assertThat(result.has("checkpoint")).as("no valid checkpoint is left").isFalse();
    }

    private void assertEditedApprovalRowDetected(JsonNode result) {
        assertBreaks(result, "ROW_ALTERED audit 6", "ROW_ALTERED audit 7", "ROW_ALTERED audit 8",
                "ROW_ALTERED audit 9", "ROW_ALTERED audit 10", "CHECKPOINT_MISMATCH audit 10",
                "ACTIVE_VERSION_MISMATCH versions v2", "APPROVAL_MISMATCH versions v2",
                "VERSION_UNRECORDED versions v3", "APPROVAL_MISMATCH versions v3");
        assertThat(result.get("firstBrokenSeq").asLong()).isEqualTo(6);
        assertThat(result.get("verifiedRows").asLong()).isEqualTo(5);
        assertThat(result.get("kind").asText()).isEqualTo("ROW_ALTERED");
        assertThat(result.get("problem").asText()).isEqualTo("row 6 does not match its hash: its content or number "
                + "was changed, or the row was written without the audit key");
    }

    /** Each break as "KIND chain seq-or-version", in the order reported. */
    private static void assertBreaks(JsonNode result, String... expected) {
        assertThat(result.get("valid").asBoolean()).isFalse();
        List<String> breaks = new ArrayList<>();
        result.get("breaks").forEach(b -> breaks.add(b.get("kind").asText() + " " + b.get("chain").asText() + " "
                + (b.has("version") ? "v" + b.get("version").asInt() : b.has("seq") ? b.get("seq").asText() : "-")));
        assertThat(breaks).as(result.toString()).containsExactly(expected);
        assertThat(result.get("kind").asText()).isEqualTo(expected[0].substring(0, expected[0].indexOf(' ')));
    }

    private void assertRestartRefused(String expected) {
        stop();
        http = null;
        node = null;
        assertThatThrownBy(this::start)
                .isInstanceOf(AuditChainException.class)
                .hasMessageStartingWith("refusing to start: the audit chain does not back the database")
                .hasMessageContaining(expected)
                .hasMessageContaining("Nothing was compiled or served");
    }

    private JsonNode verify() {
        Reply reply = api.get("/api/v1/audit/verify", User.AUDITOR);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private EmbeddedServer start() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.host", "127.0.0.1",
                "datasources.default.url", "jdbc:h2:file:" + dataDir.resolve("deleveraging") + ";DB_CLOSE_ON_EXIT=FALSE",
                "deleveraging.audit.checkpoint-file", dataDir.resolve("audit-checkpoints.log").toString(),
                // Checkpoints only when a test exports one, so every test starts from the same checkpoint.
                "deleveraging.audit.checkpoint-interval", "1h",
                "deleveraging.activation.poll-interval", "1h"), "test", "dev");
    }

    private Connection connection() throws SQLException {
        return DelegatingDataSource.unwrapDataSource(node.getApplicationContext().getBean(DataSource.class))
                .getConnection();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private interface Rehash {
        String hash(String prevHash, ResultSet row) throws SQLException;
    }

    /** What an attacker without the key does: recompute every row's link and hash from {@code from} on, and the head. */
    private void rechainFrom(long from, Rehash rehash) throws SQLException {
        try (Connection c = connection()) {
            String prev;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT hash FROM audit_log WHERE seq = " + (from - 1))) {
                prev = rs.next() ? rs.getString(1) : AuditHash.GENESIS;
            }
            List<Object[]> updates = new ArrayList<>();
            long last = from - 1;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_log WHERE seq >= " + from
                         + " ORDER BY seq")) {
                while (rs.next()) {
                    String hash = rehash.hash(prev, rs);
                    updates.add(new Object[]{prev, hash, rs.getLong("seq")});
                    prev = hash;
                    last = rs.getLong("seq");
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                for (Object[] u : updates) {
                    update.setString(1, (String) u[0]);
                    update.setString(2, (String) u[1]);
                    update.setLong(3, (Long) u[2]);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement head = c.prepareStatement(
                    "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, last);
                head.setString(2, prev);
                head.executeUpdate();
            }
        }
    }

    private String sha256(String prev, ResultSet rs) throws SQLException {
        AuditEntry e = AuditRows.entry(rs);
        return AuditHash.legacy(prev, e.seq(), e.occurredAt(), e.actor(), e.action(), e.ruleSet(), e.version(),
                e.versionHash(), e.reason());
    }

    private String guessedKey(String prev, ResultSet rs) throws SQLException {
        AuditEntry e = AuditRows.entry(rs);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(GUESSED_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return AuditHash.keyed(mac, e.keyId(), prev, e.seq(), e.occurredAt(), e.actor(), e.action(), e.ruleSet(),
                    e.version(), e.versionHash(), e.reason());
        } catch (java.security.GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
