package com.deleverage.admin.audit;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.admin.ruleset.StoredFiles;
import com.deleverage.engine.compile.ContentHash;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static io.micronaut.transaction.TransactionDefinition.Propagation.MANDATORY;

/**
 * Compares what the tables say about rule sets with what the verified chain says: each version's files
 * must hash (recomputed here, without compiling) to its content hash and that hash must be the one the
 * chain staged; a version past validation needs its VERSION_VALIDATED row; an approval needs the chain's
 * approval by the same person of the same content (the seeded reference policy: its seed row); and each
 * rule set's active version must be the one its latest activation in the chain made active. Reads in the
 * caller's transaction, the one in which the chain itself was read.
 */
@Singleton
@Transactional(propagation = MANDATORY)
class VersionBindings {
    private static final Set<String> APPROVED_STATES = Set.of("APPROVED", "ACTIVE", "RETIRED");

    private record Version(String ruleSet, int version, String hash, String state, String approver) {
    }

    private final Connection connection;

    VersionBindings(Connection connection) {
        this.connection = connection;
    }

    /** Every rule set and version ({@code /audit/verify}). */
    public List<ChainBreak> all(ChainFacts facts) {
        return Jdbc.call(() -> check(facts, false));
    }

    /** Only what is served: each rule set's active pointer and its version (start-up, before compiling). */
    public List<ChainBreak> active(ChainFacts facts) {
        return Jdbc.call(() -> check(facts, true));
    }

    private List<ChainBreak> check(ChainFacts facts, boolean activeOnly) throws SQLException {
        List<ChainBreak> breaks = new ArrayList<>();
        Set<String> ruleSets = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT r.name, r.active_version, v.version_no, v.content_hash, v.state, a.approver
                FROM rule_set r
                LEFT JOIN rule_set_version v ON v.rule_set = r.name
                LEFT JOIN approval a ON a.rule_set = v.rule_set AND a.version_no = v.version_no
                ORDER BY r.name, v.version_no""");
             ResultSet rs = select.executeQuery()) {
            List<Version> versions = new ArrayList<>();
            Map<String, Integer> pointers = new TreeMap<>();
            while (rs.next()) {
                String ruleSet = rs.getString(1);
                int active = rs.getInt(2);
                pointers.put(ruleSet, rs.wasNull() ? null : active);
                int number = rs.getInt(3);
                if (rs.wasNull()) {
                    continue;
                }
                if (!activeOnly || (pointers.get(ruleSet) != null && pointers.get(ruleSet) == number)) {
                    versions.add(new Version(ruleSet, number, rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            ruleSets.addAll(pointers.keySet());
            for (Map.Entry<String, Integer> pointer : pointers.entrySet()) {
                activePointer(pointer.getKey(), pointer.getValue(), facts, breaks);
            }
            for (Version version : versions) {
                content(version, facts, breaks);
                approval(version, facts, breaks);
            }
        }
        if (!activeOnly) {
            for (String ruleSet : facts.ruleSetsWithActivation()) {
                if (!ruleSets.contains(ruleSet)) {
                    breaks.add(ChainBreak.version(BreakKind.ACTIVE_VERSION_MISMATCH, ruleSet, null, "the chain "
                            + "activated a version of rule set '" + ruleSet + "', which is no longer stored"));
                }
            }
            approvalsWithoutRow(facts, breaks);
        }
        return breaks;
    }

    private static void activePointer(String ruleSet, Integer active, ChainFacts facts, List<ChainBreak> breaks) {
        Optional<ChainFacts.Activation> recorded = facts.active(ruleSet);
        Integer expected = recorded.map(ChainFacts.Activation::version).orElse(null);
        if (!java.util.Objects.equals(active, expected)) {
            breaks.add(ChainBreak.version(BreakKind.ACTIVE_VERSION_MISMATCH, ruleSet, active, "rule set '" + ruleSet
                    + "' points at " + (active == null ? "no version" : "v" + active) + " but its latest activation "
                    + "in the chain " + (expected == null ? "does not exist" : "(row " + recorded.get().seq()
                    + ") made v" + expected + " active") + ": the active version was re-pointed outside the platform"));
        }
    }

    private void content(Version v, ChainFacts facts, List<ChainBreak> breaks) throws SQLException {
        String label = v.ruleSet() + " v" + v.version();
        Optional<String> staged = facts.stagedHash(v.ruleSet(), v.version());
        String recomputed = ContentHash.of(StoredFiles.of(connection, v.ruleSet(), v.version()));
        if (!recomputed.equals(v.hash())) {
            breaks.add(ChainBreak.version(BreakKind.VERSION_CONTENT, v.ruleSet(), v.version(), "the stored files of "
                    + label + " hash to " + recomputed + ", not its recorded content hash " + v.hash()
                    + ": they were edited"));
        } else if (staged.isEmpty()) {
            breaks.add(ChainBreak.version(BreakKind.VERSION_UNRECORDED, v.ruleSet(), v.version(), label
                    + " has no VERSION_STAGED row in the chain: it was inserted outside the platform"));
        } else if (!staged.get().equals(v.hash())) {
            breaks.add(ChainBreak.version(BreakKind.VERSION_CONTENT, v.ruleSet(), v.version(), "the content of "
                    + label + " hashes to " + v.hash() + " but the chain staged " + staged.get()
                    + ": its files and content hash were replaced"));
        } else if (!"REJECTED".equals(v.state()) && !facts.validated(v.ruleSet(), v.version())) {
            breaks.add(ChainBreak.version(BreakKind.VERSION_UNRECORDED, v.ruleSet(), v.version(), label + " is "
                    + v.state() + " but the chain never validated it: its state was changed outside the platform"));
        }
    }

    private static void approval(Version v, ChainFacts facts, List<ChainBreak> breaks) {
        String label = v.ruleSet() + " v" + v.version();
        Optional<ChainFacts.Approval> recorded = facts.approval(v.ruleSet(), v.version());
        if (v.approver() == null) {
            if (APPROVED_STATES.contains(v.state())) {
                breaks.add(ChainBreak.version(BreakKind.APPROVAL_MISMATCH, v.ruleSet(), v.version(), label + " is "
                        + v.state() + " but has no approval"));
            }
            return;
        }
        if (recorded.isEmpty()) {
            breaks.add(ChainBreak.version(BreakKind.APPROVAL_MISMATCH, v.ruleSet(), v.version(), label
                    + " is recorded as approved by '" + v.approver() + "' but the chain has no approval of it"));
        } else if (!recorded.get().approver().equals(v.approver())) {
            breaks.add(ChainBreak.version(BreakKind.APPROVAL_MISMATCH, v.ruleSet(), v.version(), label
                    + " is recorded as approved by '" + v.approver() + "' but the chain (row " + recorded.get().seq()
                    + ") says '" + recorded.get().approver() + "' approved it"));
        } else if (!recorded.get().hash().equals(v.hash())) {
            breaks.add(ChainBreak.version(BreakKind.APPROVAL_MISMATCH, v.ruleSet(), v.version(), "the approval of "
                    + label + " in the chain (row " + recorded.get().seq() + ") is of other content"));
        }
    }

    private void approvalsWithoutRow(ChainFacts facts, List<ChainBreak> breaks) throws SQLException {
        for (Map.Entry<ChainFacts.VersionKey, ChainFacts.Approval> approval : facts.approvals().entrySet()) {
            ChainFacts.VersionKey key = approval.getKey();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM approval WHERE rule_set = ? AND version_no = ?")) {
                select.setString(1, key.ruleSet());
                select.setInt(2, key.version());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        breaks.add(ChainBreak.version(BreakKind.APPROVAL_MISMATCH, key.ruleSet(), key.version(),
                                "the chain (row " + approval.getValue().seq() + ") records an approval of "
                                        + key.ruleSet() + " v" + key.version() + " that is no longer stored"));
                    }
                }
            }
        }
    }
}
