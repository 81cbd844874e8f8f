package com.deleverage.admin.dryrun;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.engine.compare.DecisionDiff;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.DecisionView;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.snapshot.InputProblem;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * What a validated version would decide about a snapshot, beside what the active version decides: both
 * decisions and their difference. No decision is logged and nothing is changed; the candidate is compiled
 * once and cached ({@link CandidateVersions}). A dry run of a version not approved yet runs code no second
 * person has reviewed, so it is audited (who, which version, its hash) before the code runs.
 */
@Singleton
public class DryRunService {
    private final CandidateVersions candidates;
    private final ActiveVersions activeVersions;
    private final Evaluator evaluator;
    private final AuditLog auditLog;

    public DryRunService(CandidateVersions candidates, ActiveVersions activeVersions, Evaluator evaluator,
                         AuditLog auditLog) {
        this.auditLog = auditLog;
        this.candidates = candidates;
        this.activeVersions = activeVersions;
        this.evaluator = evaluator;
    }

    public DryRunResult dryRun(String ruleSet, int version, Snapshot snapshot, String actor) {
        RuleSetVersion candidate = candidates.validated(ruleSet, version);
        if (snapshot.ruleSet() != null && !snapshot.ruleSet().equals(ruleSet)) {
            throw new InvalidInput("the snapshot names rule set '" + snapshot.ruleSet() + "' but the "
                    + "dry-run is of rule set '" + ruleSet + "'; leave ruleSet out or make them agree",
                    List.of(new InputProblem("ruleSet", "must be '" + ruleSet + "' or absent")));
        }
        if (candidate.state() == VersionState.VALIDATED) {
            auditLog.append(new AuditEvent(actor, AuditAction.DRY_RUN, ruleSet, version, candidate.hash(),
                    "dry run of unapproved v" + version + " beside the active version on a snapshot of "
                            + snapshot.accounts().size() + " accounts"));
        }
        Decision active = activeVersions.evaluate(evaluator, ruleSet, snapshot);
        Decision proposed;
        try (CompiledVersion.Lease lease = candidates.lease(candidate)) {
            proposed = evaluator.evaluate(lease.version(), snapshot);
        }
        return new DryRunResult(ruleSet, DecisionView.of(active), DecisionView.of(proposed),
                DiffView.of(DecisionDiff.between(active, proposed)));
    }
}
