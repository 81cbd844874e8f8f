package com.deleverage.admin.ruleset;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.db.DataAccessException;
import com.deleverage.admin.metrics.PlatformMetrics;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.engine.compile.ContentHash;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.validate.PolicyValidator;
import com.deleverage.engine.validate.RemovalCheck;
import com.deleverage.engine.validate.ValidationReport;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stages versions: checks the request, validates the files with the engine's policy validator (lint,
 * compile, the version's scenarios; outside any transaction, it is slow), then stores the version, its files, findings and audit rows in one transaction under the
 * rule set's lock, which also numbers versions without gaps or duplicates across nodes.
 */
@Singleton
public class StagingService {
    private final TransactionOperations<Connection> transactions;
    private final RuleSetRepository repository;
    private final PolicyValidator validator;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ValidationReportLimits reportLimits;
    private final PlatformMetrics metrics;

    public StagingService(TransactionOperations<Connection> transactions, RuleSetRepository repository,
                          PolicyValidator validator, AuditLog auditLog, Clock clock,
                          ValidationReportLimits reportLimits, PlatformMetrics metrics) {
        this.metrics = metrics;
        this.reportLimits = reportLimits;
        this.transactions = transactions;
        this.repository = repository;
        this.validator = validator;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A whole version that may remove nothing of the active version. */
    public StagedVersion stage(String ruleSet, String comment, Map<String, String> files, String author) {
        return stage(ruleSet, comment, files, false, author);
    }

    /** What {@code POST /rulesets/{name}/versions} stages: a whole version or a change on top of a stored one. */
    public StagedVersion stage(String ruleSet, StageRequest request, String author) {
        StagedVersion staged = stage(ruleSet, request.comment(), filesOf(ruleSet, request), request.removalsAllowed(),
                author);
        if (staged.created() && staged.version().state() == VersionState.REJECTED) {
            metrics.policyRejected(ruleSet);
        }
        return staged;
    }

    /**
     * Validates what {@code request} would stage exactly as staging does (the same checks, the same findings,
     * removals of the active version included) and stores nothing: no version, no audit row. The console's
     * editor and {@code POST /rulesets/{name}/validations} answer with it.
     */
    public ValidationReport validate(String ruleSet, StageRequest request) {
        Map<String, String> files = filesOf(ruleSet, request);
        StagingRules.requireValidName(ruleSet);
        StagingRules.requireValid(request.comment(), files);
        Map<String, String> sorted = new TreeMap<>(files);
        int expectedNumber = repository.nextVersionNumber(ruleSet);
        ValidationReport validation = withRemovals(ruleSet, sorted, request.removalsAllowed(),
                validator.validate(ruleSet, expectedNumber, sorted));
        return new ValidationReport(validation.hash(), reportLimits.cap(validation.findings()),
                validation.scenariosRun(), validation.scenariosFailed());
    }

    /** The whole file set a request names: its files, or its change applied to its base version. */
    private Map<String, String> filesOf(String ruleSet, StageRequest request) {
        VersionChange.requireOneKind(request);
        return request.baseVersion() == null ? request.files() : applyChange(ruleSet,
                new VersionChange(request.baseVersion(), request.changes(), request.deleted()));
    }

    private Map<String, String> applyChange(String ruleSet, VersionChange change) {
        StagingRules.requireValidName(ruleSet);
        if (repository.find(ruleSet, change.baseVersion()).isEmpty()) {
            throw new NotFound("rule set '" + ruleSet + "' has no version " + change.baseVersion()
                    + " to apply the change to");
        }
        return change.applyTo(repository.files(ruleSet, change.baseVersion()));
    }

    /**
     * Validates and stores a whole version. Whatever it removes of the active version (rules, scenario files,
     * actions; {@link RemovalCheck}) is an error unless {@code allowRemovals}, then a warning.
     */
    public StagedVersion stage(String ruleSet, String comment, Map<String, String> files, boolean allowRemovals,
                               String author) {
        StagingRules.requireValidName(ruleSet);
        StagingRules.requireValid(comment, files);
        Map<String, String> sorted = new TreeMap<>(files);
        String hash = ContentHash.of(sorted);
        Optional<RuleSetVersion> existing = repository.findByHash(ruleSet, hash);
        if (existing.isPresent()) {
            return new StagedVersion(existing.get(), false);
        }

        int expectedNumber = repository.nextVersionNumber(ruleSet);
        ValidationReport validation = withRemovals(ruleSet, sorted, allowRemovals,
                validator.validate(ruleSet, expectedNumber, sorted));
        Instant now = clock.instant();
        createRuleSet(ruleSet, now);
        return transactions.executeWrite(status -> {
            repository.lock(ruleSet);
            Optional<RuleSetVersion> stagedMeanwhile = repository.findByHash(ruleSet, hash);
            if (stagedMeanwhile.isPresent()) {
                return new StagedVersion(stagedMeanwhile.get(), false);
            }
            int number = repository.nextVersionNumber(ruleSet);
            VersionState state = validation.accepted() ? VersionState.VALIDATED : VersionState.REJECTED;
            RuleSetVersion version = new RuleSetVersion(ruleSet, number, hash, state, comment, author, now,
                    null, null, null, null, reportLimits.cap(validation.findings()));
            repository.insert(version, sorted);
            auditLog.append(new AuditEvent(author, AuditAction.VERSION_STAGED, ruleSet, number, hash,
                    comment));
            long errors = validation.findings().stream().filter(Finding::isError).count();
            auditLog.append(new AuditEvent(author,
                    validation.accepted() ? AuditAction.VERSION_VALIDATED : AuditAction.VERSION_REJECTED,
                    ruleSet, number, hash, validation.findings().size() + " findings, " + errors + " errors; "
                            + validation.scenariosRun() + " scenarios run, " + validation.scenariosFailed() + " failed"));
            return new StagedVersion(version, true);
        });
    }

    private ValidationReport withRemovals(String ruleSet, Map<String, String> files, boolean allowRemovals,
                                          ValidationReport validation) {
        Integer active = repository.ruleSet(ruleSet).map(RuleSetRow::activeVersion).orElse(null);
        if (active == null || !validation.accepted()) {
            return validation; // one mistake, one finding: what it removes is told once the version is valid
        }
        return RemovalCheck.compare(active, repository.files(ruleSet, active), files, allowRemovals)
                .map(removal -> {
                    List<Finding> findings = new ArrayList<>(validation.findings());
                    findings.add(0, removal);
                    return new ValidationReport(validation.hash(), findings, validation.scenariosRun(),
                            validation.scenariosFailed());
                })
                .orElse(validation);
    }

    /** Two first stagings of a new rule set may race to create it; the loser simply finds it there. */
    private void createRuleSet(String ruleSet, Instant now) {
        try {
            repository.createIfAbsent(ruleSet, now);
        } catch (DataAccessException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
        }
    }
}
