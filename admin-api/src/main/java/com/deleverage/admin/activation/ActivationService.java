package com.deleverage.admin.activation;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetRow;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.registry.ActiveVersions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Changes the active version of a rule set: activation of an approved version, rollback to an earlier
 * one, and the seed's first activation. Each builds and warms the version first (the slow part, with no
 * lock on the database), then records the switch in one transaction (rule set, version states,
 * activation event, audit row) and only then swaps the in-memory registry. The database is the truth:
 * a crash before the commit leaves the old version active everywhere, a crash after it makes every node
 * load the new one (on start, or by {@link ActiveVersionSync} polling).
 */
@Singleton
public class ActivationService {
    private static final Logger LOG = LoggerFactory.getLogger(ActivationService.class);

    private final TransactionOperations<Connection> transactions;
    private final RuleSetRepository repository;
    private final ActivationEvents events;
    private final ActivationLocks locks;
    private final PreparedVersions prepared;
    private final ActivationSignal signal;
    private final ActiveVersions activeVersions;
    private final AuditLog auditLog;
    private final Clock clock;

    public ActivationService(TransactionOperations<Connection> transactions, RuleSetRepository repository,
                             ActivationEvents events, ActivationLocks locks, PreparedVersions prepared,
                             ActivationSignal signal, ActiveVersions activeVersions, AuditLog auditLog, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.events = events;
        this.locks = locks;
        this.prepared = prepared;
        this.signal = signal;
        this.activeVersions = activeVersions;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Activates an approved version; 409 unless it is APPROVED or while another activation runs. */
    public Activation activate(String ruleSet, int version, String actor) {
        return withLock(ruleSet, () -> activateApproved(ruleSet, version, actor, ActivationKind.ACTIVATE,
                null));
    }

    /** The seed's activation of the reference policy, by the platform itself. */
    public Activation activateSeed(String ruleSet, int version, String reason) {
        return withLock(ruleSet, () -> activateApproved(ruleSet, version, "system", ActivationKind.SEED, reason));
    }

    /**
     * Re-activates an earlier version: {@code toVersion}, or by default the one {@link RollbackTarget} names.
     * Only versions that were active before (RETIRED) qualify. A repeated {@code idempotencyKey} returns the
     * activation its first request made, without switching again.
     */
    public Activation rollback(String ruleSet, Integer toVersion, String reason, String actor, String idempotencyKey) {
        return withLock(ruleSet, () -> {
            RuleSetRow row = ruleSetRow(ruleSet);
            if (idempotencyKey != null) {
                Optional<Activation> done = events.byIdempotencyKey(ruleSet, idempotencyKey);
                if (done.isPresent()) {
                    return repeated(done.get(), toVersion, idempotencyKey);
                }
            }
            if (row.activeVersion() == null) {
                throw new Conflict("rule set '" + ruleSet + "' has no active version to roll back from");
            }
            int target = toVersion != null ? toVersion : RollbackTarget.of(events.history(ruleSet),
                            row.activeVersion())
                    .orElseThrow(() -> new Conflict("rule set '" + ruleSet + "' has no earlier active "
                            + "version that was not rolled back away from; name one with toVersion"));
            RuleSetVersion version = version(ruleSet, target);
            if (version.version() == row.activeVersion()) {
                throw new Conflict(ruleSet + " v" + target + " is already the active version");
            }
            if (version.state() != VersionState.RETIRED) {
                throw new Conflict(ruleSet + " v" + target + " is " + version.state()
                        + " and was never active; a rollback returns to a version that was active before "
                        + "(use activate for an approved version)");
            }
            return switchTo(row, version, ActivationKind.ROLLBACK, actor, reason, idempotencyKey);
        });
    }

    private static Activation repeated(Activation done, Integer toVersion, String idempotencyKey) {
        if (toVersion != null && toVersion != done.version()) {
            throw new Unprocessable("Idempotency-Key '" + idempotencyKey + "' was already used for the "
                    + "rollback to v" + done.version() + "; use a new key for another rollback");
        }
        return done;
    }

    private Activation activateApproved(String ruleSet, int number, String actor, ActivationKind kind, String reason) {
        RuleSetRow row = ruleSetRow(ruleSet);
        RuleSetVersion version = version(ruleSet, number);
        if (version.state() != VersionState.APPROVED) {
            String why = version.state() == VersionState.ACTIVE
                    ? ruleSet + " v" + number + " is already the active version"
                    : ruleSet + " v" + number + " is " + version.state() + "; only an APPROVED version can be activated";
            auditLog.append(new AuditEvent(actor, AuditAction.ACTIVATION_REFUSED, ruleSet, number, version.hash(), why));
            throw new Conflict(why);
        }
        return switchTo(row, version, kind, actor, reason, null);
    }

    private Activation switchTo(RuleSetRow row, RuleSetVersion target, ActivationKind kind, String actor,
                                String reason, String idempotencyKey) {
        String ruleSet = target.ruleSet();
        CompiledVersion compiled = prepared.takeOrBuild(ruleSet, target.version(), target.hash());
        Instant now = clock.instant();
        Activation activation = new Activation(ruleSet, target.version(), target.hash(), row.activeVersion(), kind,
                actor, reason, now);
        boolean recorded = false;
        try {
            transactions.executeWrite(status -> {
                if (!events.switchActive(ruleSet, target.version(), row.activationCount())) {
                    throw new Conflict("another activation of rule set '" + ruleSet
                            + "' completed meanwhile; read the rule set again and retry");
                }
                repository.markActive(ruleSet, target.version(), row.activeVersion(), now);
                events.record(activation, idempotencyKey);
                auditLog.append(new AuditEvent(actor, auditAction(kind), ruleSet, target.version(),
                        target.hash(), describe(activation)));
                signal.send(ruleSet); // delivered to the fleet on commit only
                return null;
            });
            recorded = true;
        } finally {
            if (!recorded) {
                compiled.retire();
            }
        }
        prepared.swapIn(activeVersions, compiled); // keeps the replaced version for a rollback
        prepared.prepareLater(ruleSet, target.version()); // the rollback target, compiled ahead
        LOG.info("{}: {} v{} ({}) is active, replacing {}", kind, ruleSet, target.version(), target.hash(),
                row.activeVersion() == null ? "nothing" : "v" + row.activeVersion());
        return activation;
    }

    private static AuditAction auditAction(ActivationKind kind) {
        return switch (kind) {
            case SEED -> AuditAction.REFERENCE_POLICY_SEEDED;
            case ACTIVATE -> AuditAction.VERSION_ACTIVATED;
            case ROLLBACK -> AuditAction.VERSION_ROLLED_BACK;
        };
    }

    private static String describe(Activation activation) {
        String replaced = activation.previousVersion() == null
                ? "first active version" : "replaces v" + activation.previousVersion();
        return activation.reason() == null ? replaced : replaced + ": " + activation.reason();
    }

    private RuleSetRow ruleSetRow(String ruleSet) {
        return repository.ruleSet(ruleSet)
                .orElseThrow(() -> new NotFound("no rule set '" + ruleSet + "'"));
    }

    private RuleSetVersion version(String ruleSet, int version) {
        return repository.find(ruleSet, version)
                .orElseThrow(() -> new NotFound("rule set '" + ruleSet + "' has no version " + version));
    }

    private <T> T withLock(String ruleSet, Supplier<T> work) {
        ReentrantLock lock = locks.tryLock(ruleSet);
        if (lock == null) {
            throw new Conflict("an activation of rule set '" + ruleSet
                    + "' is in progress; retry when it has finished");
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
