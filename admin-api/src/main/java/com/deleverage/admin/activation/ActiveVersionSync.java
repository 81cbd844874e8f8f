package com.deleverage.admin.activation;

import com.deleverage.admin.audit.ChainWatch;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetRow;
import com.deleverage.admin.ruleset.RuleSetSummary;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.registry.ActiveVersions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes this node serve what the database records as active: on start for every rule set, then by
 * polling ({@link ActivationProperties#pollInterval()}) and, on PostgreSQL, whenever
 * {@link FleetListener} hears another node's notification, so an activation on another node (or one
 * whose node died between commit and swap) reaches every node in milliseconds, at worst within the
 * poll interval. Versions are swapped in from {@link PreparedVersions} when ready there. A version is
 * loaded only when the audit chain's latest activation of its rule set is that version with that hash
 * ({@link ChainWatch#requireActivation}): a pointer moved in the database by someone else is refused.
 */
@Singleton
public class ActiveVersionSync {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveVersionSync.class);

    private final RuleSetRepository repository;
    private final ActivationLocks locks;
    private final PreparedVersions prepared;
    private final ActiveVersions activeVersions;
    private final ChainWatch chain;

    public ActiveVersionSync(RuleSetRepository repository, ActivationLocks locks, PreparedVersions prepared,
                             ActiveVersions activeVersions, ChainWatch chain) {
        this.chain = chain;
        this.repository = repository;
        this.locks = locks;
        this.prepared = prepared;
        this.activeVersions = activeVersions;
    }

    /**
     * Loads the active version of every rule set that this node does not serve yet (throws if one cannot be
     * built), then prepares the likely next ones (approved versions, the rollback target) in advance.
     */
    public void syncAll() {
        List<RuleSetSummary> summaries = syncActive(false);
        for (RuleSetSummary ruleSet : summaries) {
            prepared.prepareLater(ruleSet.name(), ruleSet.activeVersion());
        }
    }

    /**
     * Loads the active version of every rule set that this node does not serve yet, nothing else (start-up).
     * Where another thread is switching a rule set (the first poll can run while the start-up is still
     * verifying the audit chain), it waits for it instead of skipping the rule set: a node must not start
     * serving without its recorded versions.
     */
    public List<RuleSetSummary> syncActive() {
        return syncActive(true);
    }

    private List<RuleSetSummary> syncActive(boolean waitForSwitch) {
        List<RuleSetSummary> summaries = repository.summaries();
        for (RuleSetSummary ruleSet : summaries) {
            if (ruleSet.activeVersion() != null) {
                sync(ruleSet.name(), ruleSet.activeVersion(), ruleSet.activeHash(), waitForSwitch);
            }
        }
        return summaries;
    }

    @Scheduled(fixedDelay = "${deleveraging.activation.poll-interval}",
            initialDelay = "${deleveraging.activation.poll-interval}")
    void poll() {
        try {
            syncAll();
        } catch (RuntimeException e) {
            LOG.error("could not load the recorded active versions; this node keeps serving what it has", e);
        }
    }

    private void sync(String ruleSet, int version, String hash, boolean waitForSwitch) {
        if (serves(ruleSet, version, hash)) {
            return;
        }
        ReentrantLock lock = waitForSwitch ? locks.lock(ruleSet) : locks.tryLock(ruleSet);
        if (lock == null) {
            return; // an activation on this node is switching the rule set right now: the next poll looks again
        }
        try {
            Optional<Integer> recorded = repository.ruleSet(ruleSet).map(RuleSetRow::activeVersion);
            if (recorded.isEmpty() || recorded.get() != version || serves(ruleSet, version, hash)) {
                return; // changed while we looked: the next round sees the new state
            }
            chain.requireActivation(ruleSet, version, hash); // before compiling: throws unless the chain activated it
            CompiledVersion compiled = prepared.takeOrBuild(ruleSet, version, hash);
            prepared.swapIn(activeVersions, compiled); // keeps the replaced version for a rollback
            LOG.info("serving {} v{} ({}), the version the database records as active", ruleSet, version, hash);
        } finally {
            lock.unlock();
        }
    }

    private boolean serves(String ruleSet, int version, String hash) {
        return activeVersions.active(ruleSet)
                .map(active -> active.version() == version && active.hash().equals(hash))
                .orElse(false);
    }
}
