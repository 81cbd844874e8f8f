package com.deleverage.admin.audit;

import com.deleverage.admin.db.Jdbc;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The upgrade from the unkeyed chain: on the first start with an audit key, rows written before it
 * (no key id, plain SHA-256) are checked as they were and re-hashed under the current key, and decisions
 * logged before the decision seals existed are sealed in one batch. This trusts the database as it is at
 * that moment, once: it is refused when a checkpoint was already exported (the chain was keyed before,
 * so unkeyed rows now are forgeries) or when unkeyed rows follow keyed ones.
 */
@Singleton
class AuditChainAdoption {
    private static final Logger LOG = LoggerFactory.getLogger(AuditChainAdoption.class);

    private final Connection connection;
    private final AuditRows auditRows;
    private final AuditKeys keys;
    private final AuditCheckpoints checkpoints;
    private final SealedLedger decisions;

    AuditChainAdoption(Connection connection, AuditRows auditRows, AuditKeys keys, AuditCheckpoints checkpoints,
                       SealedLedger decisions) {
        this.connection = connection;
        this.auditRows = auditRows;
        this.keys = keys;
        this.checkpoints = checkpoints;
        this.decisions = decisions;
    }

    /** In one transaction: the rows are re-hashed and the legacy decisions sealed together, or neither. */
    @Transactional
    public void adoptLegacyRows() {
        boolean exportedBefore = checkpoints.read().last() != null;
        Jdbc.run(() -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            List<AuditEntry> rows = new ArrayList<>();
            auditRows.forEach(0, Long.MAX_VALUE, rows::add);
            long legacy = rows.stream().filter(r -> r.keyId() == null).count();
            if (legacy > 0) {
                if (exportedBefore) {
                    throw new AuditChainException(legacy + " audit rows have no key id although checkpoints of a keyed "
                            + "chain were exported (" + checkpoints.file() + "): they were rewritten without the key");
                }
                rekey(rows);
                LOG.warn("audit chain upgraded: {} rows written before the chain was keyed were verified as plain "
                        + "SHA-256 and re-hashed under audit key '{}'", rows.size(), keys.currentId());
            }
            if (!exportedBefore) {
                long sealed = decisions.sealLegacy();
                if (sealed > 0) {
                    LOG.warn("decision log upgraded: {} decisions logged before decision seals existed were sealed",
                            sealed);
                }
            }
        });
    }

    private void rekey(List<AuditEntry> rows) throws SQLException {
        String keyId = keys.currentId();
        Mac mac = keys.mac(keyId).orElseThrow();
        String expectedPrev = AuditHash.GENESIS;
        String newPrev = AuditHash.GENESIS;
        long expectedSeq = 1;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = ? WHERE seq = ?")) {
            for (AuditEntry r : rows) {
                if (r.keyId() != null) {
                    throw new AuditChainException("audit row " + r.seq() + " is keyed but rows after it are not: "
                            + "unkeyed rows were added by someone without the key");
                }
                String legacy = AuditHash.legacy(r.prevHash(), r.seq(), r.occurredAt(), r.actor(), r.action(),
                        r.ruleSet(), r.version(), r.versionHash(), r.reason());
                if (r.seq() != expectedSeq || !r.prevHash().equals(expectedPrev) || !legacy.equals(r.hash())) {
                    throw new AuditChainException("the unkeyed audit chain is broken at row " + r.seq()
                            + ", so it cannot be re-keyed; restore the database from a backup");
                }
                String hash = AuditHash.keyed(mac, keyId, newPrev, r.seq(), r.occurredAt(), r.actor(), r.action(),
                        r.ruleSet(), r.version(), r.versionHash(), r.reason());
                update.setString(1, newPrev);
                update.setString(2, hash);
                update.setString(3, keyId);
                update.setLong(4, r.seq());
                update.executeUpdate();
                expectedPrev = r.hash();
                expectedSeq++;
                newPrev = hash;
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_hash = ? WHERE id = 1 AND last_seq = ? AND last_hash = ?")) {
            head.setString(1, newPrev);
            head.setLong(2, expectedSeq - 1);
            head.setString(3, expectedPrev);
            if (head.executeUpdate() != 1) {
                throw new AuditChainException("the unkeyed audit chain does not end at its head, so it cannot be "
                        + "re-keyed; restore the database from a backup");
            }
        }
    }
}
