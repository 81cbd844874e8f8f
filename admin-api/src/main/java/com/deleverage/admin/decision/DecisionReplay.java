package com.deleverage.admin.decision;

import com.deleverage.admin.candidate.CandidateVersions;
import com.deleverage.admin.db.StoredJson;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.DecisionView;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

/**
 * Re-evaluates a logged decision: the logged input, read as it was received, with the logged version
 * (compiled from its stored files, checked against the logged hash), compared field by field with the
 * logged response. Decimals are compared as their exact strings, so "reproduced" means to the last digit.
 */
@Singleton
public class DecisionReplay {
    private final SnapshotJson snapshotJson = SnapshotJson.json();
    private final DecisionLogRepository log;
    private final CandidateVersions versions;
    private final Evaluator evaluator;

    public DecisionReplay(DecisionLogRepository log, CandidateVersions versions, Evaluator evaluator) {
        this.log = log;
        this.versions = versions;
        this.evaluator = evaluator;
    }

    public DecisionReplayResult replay(String decisionId) {
        DecisionRecord record = log.find(decisionId).orElseThrow(() ->
                new NotFound("no decision '" + decisionId + "' in the log"));
        if (record.input() == null) {
            throw new Conflict("the input of decision " + decisionId + " is not stored (not kept, or "
                    + "purged after the retention period); only its hash " + record.inputHash() + " remains");
        }
        RuleSetVersion version = versions.stored(record.ruleSet(), record.version());
        if (!version.hash().equals(record.versionHash())) {
            throw new IllegalStateException("stored " + record.ruleSet() + " v" + record.version() + " has hash "
                    + version.hash() + ", the log says " + record.versionHash());
        }
        Snapshot snapshot = snapshotJson.read(record.input());
        Decision decision;
        try (CompiledVersion.Lease lease = versions.lease(version)) {
            decision = evaluator.evaluate(lease.version(), snapshot);
        }
        ObjectNode logged = (ObjectNode) StoredJson.parse(record.response());
        logged.remove("decisionId");
        logged.remove("evaluatedAt");
        ObjectNode replayed = DecisionView.of(decision);
        boolean reproduced = logged.equals(replayed);
        return new DecisionReplayResult(decisionId, record.ruleSet(), record.version(), record.versionHash(),
                record.inputHash(), reproduced, replayed, reproduced ? null : logged);
    }
}
