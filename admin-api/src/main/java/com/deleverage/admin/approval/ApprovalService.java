package com.deleverage.admin.approval;

import com.deleverage.admin.activation.ActivationSignal;
import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.Forbidden;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.refusal.Refusal;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.admin.security.Identities;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;

/**
 * Four eyes: a validated version is approved by someone other than its author (names compared in their
 * canonical spelling, {@link Identities}: {@code AUTHOR} is {@code author}). A refused approval
 * changes nothing but is recorded in the audit log, because compliance wants to see attempts to
 * approve one's own change.
 */
@Singleton
public class ApprovalService {
    private final TransactionOperations<Connection> transactions;
    private final RuleSetRepository repository;
    private final AuditLog auditLog;
    private final Clock clock;

    private final ActivationSignal signal;

    public ApprovalService(TransactionOperations<Connection> transactions, RuleSetRepository repository,
                           AuditLog auditLog, Clock clock, ActivationSignal signal) {
        this.signal = signal;
        this.transactions = transactions;
        this.repository = repository;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public RuleSetVersion approve(String ruleSet, int number, String approver) {
        RuleSetVersion version = repository.find(ruleSet, number)
                .orElseThrow(() -> new NotFound("rule set '" + ruleSet + "' has no version " + number));
        // Both sides canonical (Identities): versions staged before the rule may hold another spelling.
        if (Identities.same(version.author(), approver)) {
            throw refuse(version, approver, new Forbidden(approver + " staged " + ruleSet + " v" + number
                    + " and cannot approve it: a second person must (four-eyes rule)"));
        }
        if (version.state() != VersionState.VALIDATED) {
            throw refuse(version, approver, new Conflict(ruleSet + " v" + number + " is "
                    + version.state() + "; only a VALIDATED version can be approved"));
        }
        return transactions.executeWrite(status -> {
            repository.lock(ruleSet);
            RuleSetVersion current = repository.find(ruleSet, number).orElseThrow();
            if (current.state() != VersionState.VALIDATED) {
                throw new Conflict(ruleSet + " v" + number + " became " + current.state() + " meanwhile");
            }
            repository.recordApproval(ruleSet, number, approver, clock.instant());
            auditLog.append(new AuditEvent(approver, AuditAction.VERSION_APPROVED, ruleSet, number,
                    version.hash(), "staged by " + version.author()));
            signal.send(ruleSet); // the fleet prepares the approved version for a fast activation
            return repository.find(ruleSet, number).orElseThrow();
        });
    }

    private Refusal refuse(RuleSetVersion version, String approver, Refusal problem) {
        auditLog.append(new AuditEvent(approver, AuditAction.APPROVAL_REFUSED, version.ruleSet(), version.version(),
                version.hash(), problem.getMessage()));
        return problem;
    }
}
