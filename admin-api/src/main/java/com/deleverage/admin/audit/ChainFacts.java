package com.deleverage.admin.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the verified rows of the chain say about versions: which were staged with which hash, validated,
 * approved by whom, and which version each rule set's latest activation made active. Only rows whose
 * HMAC verified contribute, so nothing here can come from someone without the key.
 */
public final class ChainFacts {
    /** A version of a rule set. */
    public record VersionKey(String ruleSet, int version) {
    }

    /** An approval as the chain records it ({@code system} for the seeded reference policy). */
    public record Approval(String approver, String hash, long seq) {
    }

    /** The latest activation, rollback or seed of a rule set. */
    public record Activation(int version, String hash, long seq) {
    }

    /**
     * A solvency epoch as its SOLVENCY_EPOCH_PUBLISHED row records it (or a margin epoch, its
     * MARGIN_EPOCH_PUBLISHED row: then {@code rootHash} is its digest).
     *
     * @param rootHash  {@code sha256:} and the root hash
     * @param statement the row's reason: the epoch's figures and claim
     */
    public record PublishedEpoch(long epoch, String rootHash, String statement, long seq) {
    }

    private final Map<VersionKey, String> staged = new HashMap<>();
    private final Set<VersionKey> validated = new HashSet<>();
    private final Map<VersionKey, Approval> approvals = new HashMap<>();
    private final Map<String, Activation> active = new HashMap<>();
    private final Map<Long, PublishedEpoch> epochs = new HashMap<>();
    private final Map<Long, PublishedEpoch> marginEpochs = new HashMap<>();

    synchronized void learn(AuditEntry e) {
        if (e.action() == AuditAction.SOLVENCY_EPOCH_PUBLISHED && e.version() != null) {
            epochs.put(e.version().longValue(), new PublishedEpoch(e.version(), e.versionHash(), e.reason(), e.seq()));
            return;
        }
        if (e.action() == AuditAction.MARGIN_EPOCH_PUBLISHED && e.version() != null) {
            marginEpochs.put(e.version().longValue(), new PublishedEpoch(e.version(), e.versionHash(), e.reason(),
                    e.seq()));
            return;
        }
        if (e.ruleSet() == null || e.version() == null) {
            return;
        }
        VersionKey key = new VersionKey(e.ruleSet(), e.version());
        switch (e.action()) {
            case VERSION_STAGED -> staged.put(key, e.versionHash());
            case VERSION_VALIDATED -> validated.add(key);
            case VERSION_APPROVED -> approvals.put(key, new Approval(e.actor(), e.versionHash(), e.seq()));
            case REFERENCE_POLICY_SEEDED -> {
                approvals.putIfAbsent(key, new Approval(e.actor(), e.versionHash(), e.seq()));
                active.put(e.ruleSet(), new Activation(e.version(), e.versionHash(), e.seq()));
            }
            case VERSION_ACTIVATED, VERSION_ROLLED_BACK ->
                    active.put(e.ruleSet(), new Activation(e.version(), e.versionHash(), e.seq()));
            default -> {
                // refusals, shadow runs, dry runs and replays change no version
            }
        }
    }

    public synchronized Optional<String> stagedHash(String ruleSet, int version) {
        return Optional.ofNullable(staged.get(new VersionKey(ruleSet, version)));
    }

    public synchronized boolean validated(String ruleSet, int version) {
        return validated.contains(new VersionKey(ruleSet, version));
    }

    public synchronized Optional<Approval> approval(String ruleSet, int version) {
        return Optional.ofNullable(approvals.get(new VersionKey(ruleSet, version)));
    }

    public synchronized Map<VersionKey, Approval> approvals() {
        return Map.copyOf(approvals);
    }

    public synchronized Optional<Activation> active(String ruleSet) {
        return Optional.ofNullable(active.get(ruleSet));
    }

    /** Every published solvency epoch, by number. */
    public synchronized Map<Long, PublishedEpoch> publishedEpochs() {
        return Map.copyOf(epochs);
    }

    /** Every published margin epoch, by number: {@code rootHash} holds {@code sha256:} and its digest. */
    public synchronized Map<Long, PublishedEpoch> publishedMarginEpochs() {
        return Map.copyOf(marginEpochs);
    }

    public synchronized Set<String> ruleSetsWithActivation() {
        return Set.copyOf(active.keySet());
    }
}
