package com.deleverage.admin.dryrun;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemException;
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
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private final SnapshotJson snapshotJson = SnapshotJson.json();
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

    public ObjectNode dryRun(String ruleSet, int version, String body, String actor) {
        RuleSetVersion candidate = candidates.validated(ruleSet, version);
        Snapshot snapshot = snapshotJson.read(body);
        if (snapshot == null) {
            throw new InvalidSnapshotException(List.of(new InputProblem("", "the body is JSON null; send a snapshot object")));
        }
        if (snapshot.ruleSet() != null && !snapshot.ruleSet().equals(ruleSet)) {
            throw ProblemException.badRequest("the snapshot names rule set '" + snapshot.ruleSet() + "' but the "
                    + "dry-run is of rule set '" + ruleSet + "'; leave ruleSet out or make them agree",
                    List.of(new Problem.FieldError("ruleSet", "must be '" + ruleSet + "' or absent")));
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
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ruleSet", ruleSet);
        response.set("active", DecisionView.of(active));
        response.set("candidate", DecisionView.of(proposed));
        response.set("diff", DiffView.of(DecisionDiff.between(active, proposed)));
        return response;
    }
}
