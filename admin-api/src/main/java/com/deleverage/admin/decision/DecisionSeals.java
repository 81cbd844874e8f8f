package com.deleverage.admin.decision;

import com.deleverage.admin.audit.AuditHash;
import com.deleverage.admin.audit.AuditKeys;
import com.deleverage.admin.audit.BreakKind;
import com.deleverage.admin.audit.ChainBreak;
import com.deleverage.admin.audit.SealedLedger;
import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.db.Timestamps;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Binds the decision log to a keyed chain: every batch of decisions committed together gets a seal, an
 * HMAC (under the audit key) over the previous seal's hash, its number, time, decision count and the
 * SHA-256 digest of its decisions, and each decision points at its seal ({@code seal_seq}). Editing,
 * deleting, moving or inserting a decision then no longer matches any seal, and a seal cannot be redone
 * without the key. The seal is appended in the batch's own transaction, locking {@code decision_seal_head}
 * like the audit chain locks its head, so seals of every node form one chain.
 *
 * <p>A decision's digest covers what it answered and why: id, rule set, version and hash, input hash,
 * caller, Idempotency-Key, times, the response, actions, fired rules and counters. Not the input itself
 * (it may be purged after its retention; its hash stays) nor the account index rows.
 *
 * <p>Every method works in the caller's transaction: the batch's, or the verification's.
 */
@Singleton
@Transactional(propagation = MANDATORY)
public class DecisionSeals implements SealedLedger {
    static final String DOMAIN = "deleveraging-decision-seal/v1";
    private static final String DECISION_COLUMNS = "decision_id, rule_set, version_no, version_hash, input_hash, "
            + "caller, idempotency_key, as_of, evaluated_at, decision, actions, fired_rules, rule_firings, elapsed_micros";

    private record Seal(long seq, Instant sealedAt, int count, String digest, String keyId, String prevHash,
                        String hash) {
    }

    private final Connection connection;
    private final AuditKeys keys;
    private final Clock clock;

    public DecisionSeals(Connection connection, AuditKeys keys, Clock clock) {
        this.connection = connection;
        this.keys = keys;
        this.clock = clock;
    }

    /** Appends the seal of {@code records} in the caller's transaction and returns its number. */
    public long seal(List<DecisionRecord> records) {
        return Jdbc.call(() -> appendSeal(records));
    }

    private long appendSeal(List<DecisionRecord> records) throws SQLException {
        Head head;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM decision_seal_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("decision_seal_head has no row: changelog 005 was not applied");
            }
            head = new Head(rs.getLong(1), rs.getString(2));
        }
        String keyId = keys.currentId();
        Seal seal = new Seal(head.seq() + 1, clock.instant(), records.size(),
                batchDigest(inIdOrder(records).stream().map(DecisionSeals::digest).toList()), keyId, head.hash(), null);
        String hash = hash(keys.mac(keyId).orElseThrow(), seal);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO decision_seal (seq, sealed_at, decision_count, digest, key_id, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, seal.seq());
            Timestamps.set(insert, 2, seal.sealedAt());
            insert.setInt(3, seal.count());
            insert.setString(4, seal.digest());
            insert.setString(5, keyId);
            insert.setString(6, seal.prevHash());
            insert.setString(7, hash);
            insert.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE decision_seal_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, seal.seq());
            update.setString(2, hash);
            update.executeUpdate();
        }
        return seal.seq();
    }

    /** Stored times keep microseconds (H2 and PostgreSQL alike), so the digest uses no finer ones. */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static String digest(DecisionRecord r) {
        return AuditHash.sha256(r.decisionId(), r.ruleSet(), Integer.toString(r.version()), r.versionHash(),
                r.inputHash(), r.caller(), r.idempotencyKey(), String.valueOf(stored(r.asOf())),
                String.valueOf(stored(r.evaluatedAt())), r.response(), r.actions(), r.firedRules(),
                Integer.toString(r.ruleFirings()), Long.toString(r.elapsedMicros()));
    }

    /** The digest of a batch: its decisions' digests in decision id order. */
    private static String batchDigest(List<String> digestsInIdOrder) {
        List<String> fields = new ArrayList<>(digestsInIdOrder.size() + 2);
        fields.add("batch");
        fields.add(Integer.toString(digestsInIdOrder.size()));
        fields.addAll(digestsInIdOrder);
        return AuditHash.sha256(fields.toArray(String[]::new));
    }

    /** Sorts a batch as its digest expects. */
    static List<DecisionRecord> inIdOrder(List<DecisionRecord> records) {
        return records.stream().sorted(Comparator.comparing(DecisionRecord::decisionId)).toList();
    }

    private static String hash(Mac mac, Seal s) {
        return AuditHash.mac(mac, DOMAIN, s.keyId(), s.prevHash(), Long.toString(s.seq()), s.sealedAt().toString(),
                Integer.toString(s.count()), s.digest());
    }

    @Override
    public Head head() {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT last_seq, last_hash FROM decision_seal_head WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Head(rs.getLong(1), rs.getString(2));
            }
        });
    }

    @Override
    public Check extend(Head from) {
        Head head = head();
        List<ChainBreak> breaks = new ArrayList<>();
        if (from.seq() > 0) {
            Optional<String> stored = hashAt(from.seq());
            if (!stored.map(from.hash()::equals).orElse(false)) {
                breaks.add(ChainBreak.decisions(stored.isEmpty() ? BreakKind.TRUNCATED : BreakKind.CHECKPOINT_MISMATCH,
                        from.seq(), null, "decision seal " + from.seq() + (stored.isEmpty() ? " was deleted"
                                : " no longer has the hash this node verified: the seal chain was rewritten")));
                return new Check(from, 0, 0, breaks);
            }
        }
        SealWalk walk = new SealWalk(from);
        forEachSeal(from.seq(), head.seq(), walk::accept);
        walk.head(head);
        return new Check(walk.tip, walk.verified, 0, walk.breaks);
    }

    @Override
    public Check verifyAll(Head checkpoint) {
        Head head = head();
        SealWalk walk = new SealWalk(new Head(0, AuditHash.GENESIS));
        forEachSeal(0, Long.MAX_VALUE, walk::accept);
        walk.head(head);
        if (checkpoint != null && checkpoint.seq() > 0) {
            Optional<String> stored = hashAt(checkpoint.seq());
            if (stored.isEmpty()) {
                walk.breaks.add(ChainBreak.decisions(BreakKind.TRUNCATED, checkpoint.seq(), null, "the last "
                        + "checkpoint records decision seal " + checkpoint.seq() + ", which is not stored: seals "
                        + "at the end of the chain were deleted"));
            } else if (!stored.get().equals(checkpoint.hash())) {
                walk.breaks.add(ChainBreak.decisions(BreakKind.CHECKPOINT_MISMATCH, checkpoint.seq(), null,
                        "decision seal " + checkpoint.seq() + " does not have the hash the last checkpoint records"));
            }
        }
        long records = Jdbc.call(() -> contents(walk.breaks));
        return new Check(walk.tip, walk.verified, records, walk.breaks);
    }

    /** Recomputes every sealed batch's digest from its stored decisions; returns the decisions that match. */
    private long contents(List<ChainBreak> breaks) throws SQLException {
        long matching = 0;
        try (PreparedStatement unsealed = connection.prepareStatement(
                "SELECT decision_id FROM decision_log WHERE seal_seq IS NULL ORDER BY decision_id FETCH FIRST 10 ROWS ONLY");
             ResultSet rs = unsealed.executeQuery()) {
            while (rs.next()) {
                breaks.add(ChainBreak.decisions(BreakKind.DECISION_UNSEALED, null, rs.getString(1), "decision "
                        + rs.getString(1) + " belongs to no seal: it was inserted or re-pointed without the key"));
            }
        }
        try (PreparedStatement seals = connection.prepareStatement(
                "SELECT seq, decision_count, digest FROM decision_seal ORDER BY seq");
             PreparedStatement decisions = connection.prepareStatement("SELECT seal_seq, " + DECISION_COLUMNS
                     + " FROM decision_log WHERE seal_seq IS NOT NULL ORDER BY seal_seq, decision_id");
             ResultSet s = seals.executeQuery();
             ResultSet d = decisions.executeQuery()) {
            boolean moreSeals = s.next();
            boolean moreDecisions = d.next();
            while (moreDecisions) {
                long group = d.getLong("seal_seq");
                String firstId = d.getString("decision_id");
                List<DecisionRecord> batch = new ArrayList<>();
                while (moreDecisions && d.getLong("seal_seq") == group) {
                    batch.add(record(d));
                    moreDecisions = d.next();
                }
                // Java's order, not the database collation's, as when the batch was sealed
                List<String> digests = inIdOrder(batch).stream().map(DecisionSeals::digest).toList();
                while (moreSeals && s.getLong(1) < group) {
                    moreSeals = emptySeal(s, breaks);
                }
                if (moreSeals && s.getLong(1) == group) {
                    if (s.getInt(2) == digests.size() && s.getString(3).equals(batchDigest(digests))) {
                        matching += digests.size();
                    } else {
                        breaks.add(ChainBreak.decisions(BreakKind.DECISION_ALTERED, group, firstId, "the "
                                + digests.size() + " decisions of seal " + group + " (from " + firstId + ") do not "
                                + "match the " + s.getInt(2) + " it sealed: a decision was edited, deleted or moved"));
                    }
                    moreSeals = s.next();
                } else {
                    breaks.add(ChainBreak.decisions(BreakKind.DECISION_UNSEALED, group, firstId, "decisions from "
                            + firstId + " point at seal " + group + ", which does not exist"));
                }
            }
            while (moreSeals) {
                moreSeals = emptySeal(s, breaks);
            }
        }
        return matching;
    }

    private static boolean emptySeal(ResultSet s, List<ChainBreak> breaks) throws SQLException {
        if (s.getInt(2) > 0) {
            breaks.add(ChainBreak.decisions(BreakKind.DECISION_ALTERED, s.getLong(1), null, "seal " + s.getLong(1)
                    + " covers " + s.getInt(2) + " decisions but none of them is stored: they were deleted"));
        }
        return s.next();
    }

    private static DecisionRecord record(ResultSet rs) throws SQLException {
        return new DecisionRecord(rs.getString("decision_id"), rs.getString("rule_set"), rs.getInt("version_no"),
                rs.getString("version_hash"), rs.getString("input_hash"), rs.getString("caller"),
                rs.getString("idempotency_key"), Timestamps.get(rs, "as_of"), Timestamps.get(rs, "evaluated_at"),
                null, rs.getString("decision"), rs.getString("actions"), rs.getString("fired_rules"),
                rs.getInt("rule_firings"), rs.getLong("elapsed_micros"), List.of());
    }

    @Override
    public long sealLegacy() {
        return head().seq() > 0 ? 0 : Jdbc.call(this::sealUnsealed);
    }

    private long sealUnsealed() throws SQLException {
        List<DecisionRecord> legacy = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + DECISION_COLUMNS + " FROM decision_log WHERE seal_seq IS NULL");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                legacy.add(record(rs));
            }
        }
        if (legacy.isEmpty()) {
            return 0;
        }
        long seal = appendSeal(legacy);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE decision_log SET seal_seq = ? WHERE seal_seq IS NULL")) {
            update.setLong(1, seal);
            update.executeUpdate();
        }
        return legacy.size();
    }

    @Override
    public Optional<String> hashAt(long seq) {
        return Jdbc.call(() -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM decision_seal WHERE seq = ?")) {
                select.setLong(1, seq);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private interface SealConsumer {
        void accept(Seal seal);
    }

    private void forEachSeal(long after, long upTo, SealConsumer consumer) {
        Jdbc.run(() -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT seq, sealed_at, decision_count, digest, key_id, prev_hash, hash FROM decision_seal
                    WHERE seq > ? AND seq <= ? ORDER BY seq""")) {
                select.setLong(1, after);
                select.setLong(2, upTo);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new Seal(rs.getLong(1), Timestamps.get(rs, "sealed_at"), rs.getInt(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
        });
    }

    /** The seal chain judged row by row, as the audit chain is. */
    private final class SealWalk {
        final List<ChainBreak> breaks = new ArrayList<>();
        Head tip;
        Head last;
        long verified;

        SealWalk(Head from) {
            this.tip = from;
            this.last = from;
        }

        void accept(Seal s) {
            String problem = null;
            BreakKind kind = null;
            Optional<Mac> mac = keys.mac(s.keyId());
            if (mac.isEmpty()) {
                kind = BreakKind.UNKNOWN_KEY;
                problem = "decision seal " + s.seq() + " names audit key '" + s.keyId() + "', which this node does not hold";
            } else if (!hash(mac.get(), s).equals(s.hash())) {
                kind = BreakKind.ROW_ALTERED;
                problem = "decision seal " + s.seq() + " does not match its hash: it was changed or written without the key";
            } else if (s.seq() != last.seq() + 1) {
                kind = BreakKind.ROW_DELETED;
                problem = "decision seal " + s.seq() + " follows seal " + last.seq() + ": seals between them were deleted";
            } else if (!s.prevHash().equals(last.hash())) {
                kind = BreakKind.ROW_UNLINKED;
                problem = "decision seal " + s.seq() + " does not link to the seal before it";
            }
            if (kind != null) {
                breaks.add(ChainBreak.decisions(kind, s.seq(), null, problem));
            } else {
                verified++;
                if (breaks.isEmpty()) {
                    tip = new Head(s.seq(), s.hash());
                }
            }
            last = new Head(s.seq(), s.hash());
        }

        void head(Head head) {
            if (head.seq() > last.seq()) {
                breaks.add(ChainBreak.decisions(BreakKind.TRUNCATED, last.seq() + 1, null, "the decision seals end at "
                        + last.seq() + " but their head records " + head.seq() + ": seals at the end were deleted"));
            } else if (head.seq() < last.seq() || !head.hash().equals(last.hash())) {
                breaks.add(ChainBreak.decisions(BreakKind.HEAD_MISMATCH, head.seq(), null,
                        "the decision seal head disagrees with the last seal: the head was changed"));
            }
        }
    }
}
