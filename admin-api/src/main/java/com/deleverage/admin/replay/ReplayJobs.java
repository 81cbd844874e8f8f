package com.deleverage.admin.replay;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.LimitExceeded;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.engine.compile.ContentHash;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.replay.Replay;
import com.deleverage.replay.ReplayCancelledException;
import com.deleverage.replay.ReplayPolicy;
import com.deleverage.replay.ReplayRequest;
import com.deleverage.replay.ReplaySettings;
import com.deleverage.replay.path.PricePath;
import com.deleverage.replay.report.ReplayReport;
import com.deleverage.replay.report.ReportHtml;
import com.deleverage.replay.report.ReportJson;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Replay jobs: validated on submission, run on a bounded pool of workers of their own (at most
 * {@code deleveraging.replay.max-concurrent} at a time; a submission beyond that is refused with 429, never
 * queued behind hours of work), kept in memory with their reports (the last {@code retained} finished jobs).
 * Submission, cancellation, completion and failure are recorded in the audit log.
 */
@Singleton
public class ReplayJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayJobs.class);
    private static final int MAX_VERSIONS = 6;

    private final RuleSetRepository repository;
    private final AuditLog audit;
    private final Clock clock;
    private final ReplayDataDirectory dataDirectory;
    private final int maxConcurrent;
    private final int maxAccounts;
    private final int retained;
    private final Semaphore slots;
    private final ExecutorService workers;
    private final Map<String, ReplayJob> jobs = new ConcurrentHashMap<>();

    public ReplayJobs(RuleSetRepository repository, AuditLog audit, Clock clock, ReplayDataDirectory dataDirectory,
                      ReplayProperties properties) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
        this.dataDirectory = dataDirectory;
        this.maxConcurrent = properties.maxConcurrent();
        this.maxAccounts = properties.maxAccounts();
        this.retained = properties.retained();
        this.slots = new Semaphore(this.maxConcurrent);
        this.workers = Executors.newFixedThreadPool(this.maxConcurrent, new ReplayThreads());
    }

    /** A validated submission, ready to run. */
    private record Plan(ReplaySubmission submission, List<ResolvedPrices> prices, List<PolicySource> policies) {
    }

    private record ResolvedPrices(Path file, String symbol, ReplayInputs.Layout layout) {
    }

    private record PolicySource(String label, int version, Map<String, String> files) {
    }

    /**
     * Validates a submission and starts it.
     *
     * @throws InvalidInput for a bad request (with the offending fields)
     * @throws LimitExceeded when every worker is busy
     */
    public ReplayJob submit(ReplaySubmission submission, String actor) {
        Plan plan = plan(submission);
        if (!slots.tryAcquire()) {
            throw new LimitExceeded("the server already runs " + maxConcurrent + " replay(s), its limit "
                    + "(deleveraging.replay.max-concurrent); wait for one to finish or cancel one, then submit again");
        }
        ReplayJob job;
        try {
            String id = UUID.randomUUID().toString();
            job = new ReplayJob(id, actor, clock.instant(), submission.ruleSet(),
                    plan.policies().stream().map(PolicySource::label).toList(), summary(plan));
            // Inline file sets are code nobody approved: the entry names each one's content hash.
            List<PolicySource> inline = plan.policies().stream().filter(p -> p.version() == 0).toList();
            List<String> hashes = inline.stream().map(p -> ContentHash.of(p.files())).toList();
            List<String> named = new ArrayList<>();
            for (int i = 0; i < inline.size(); i++) {
                named.add("'" + inline.get(i).label() + "' " + hashes.get(i));
            }
            audit.append(new AuditEvent(actor, AuditAction.REPLAY_SUBMITTED, submission.ruleSet(), null,
                    hashes.size() == 1 ? hashes.getFirst() : null, reason(job, "submitted: " + job.summary()
                            + (named.isEmpty() ? "" : "; inline policy code " + String.join(", ", named)))));
            jobs.put(id, job);
            workers.execute(() -> run(job, plan));
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        evictFinished();
        return job;
    }

    public Optional<ReplayJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The jobs this node keeps (running, queued and the last finished ones), newest first. */
    public List<ReplayJobView> recent() {
        return jobs.values().stream().map(ReplayJob::view)
                .sorted(Comparator.comparing(ReplayJobView::submittedAt).reversed()).toList();
    }

    /** Asks a job to stop; false when it had already finished. */
    public boolean cancel(ReplayJob job, String actor) {
        if (!job.requestCancel(actor, clock.instant())) {
            return false;
        }
        audit.append(new AuditEvent(actor, AuditAction.REPLAY_CANCELLED, job.ruleSet(), null, null,
                reason(job, "cancelled (submitted by " + job.submittedBy() + ")")));
        return true;
    }

    /**
     * Runs a job on a worker. The slot is given back before the job's final state is published, so a client
     * that has seen its job finish can submit the next one at once.
     */
    private void run(ReplayJob job, Plan plan) {
        ReplayReport report = null;
        String failure = null;
        try {
            if (!job.start(clock.instant())) {
                return;
            }
            report = Replay.run(request(job, plan));
        } catch (ReplayCancelledException e) {
            report = null;
        } catch (RuntimeException | OutOfMemoryError e) {
            if (!job.cancelRequested()) {
                failure = message(e);
                LOG.warn("replay {} failed: {}", job.id(), failure, e);
            }
        } finally {
            slots.release();
        }
        if (report != null) {
            job.succeed(ReportJson.write(report), ReportHtml.write(report), clock.instant());
            auditQuietly(new AuditEvent(job.submittedBy(), AuditAction.REPLAY_COMPLETED, job.ruleSet(), null, null,
                    reason(job, String.format(java.util.Locale.ROOT,
                            "completed: %d ticks x %d accounts x %d versions in %.1f s, conserved: %s",
                            report.ticks(), report.accounts(), report.versions().size(),
                            report.elapsed().toMillis() / 1000.0, report.conserved()))));
        } else if (failure != null) {
            job.fail(failure, clock.instant());
            auditQuietly(new AuditEvent(job.submittedBy(), AuditAction.REPLAY_FAILED, job.ruleSet(), null, null,
                    reason(job, "failed: " + failure)));
        } else if (job.state() == ReplayState.RUNNING) {
            job.cancelled(clock.instant());
        }
    }

    private ReplayRequest request(ReplayJob job, Plan plan) {
        ReplaySubmission s = plan.submission();
        List<PricePath> paths = new ArrayList<>();
        for (ResolvedPrices prices : plan.prices()) {
            paths.add(ReplayInputs.readPrices(prices.file(), prices.layout(), prices.symbol(), s.intrabar()));
        }
        Instant start = s.from().minus(Duration.ofMinutes(s.historyMinutes()));
        PricePath path = PricePath.merge(paths).window(start, s.to());
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the price files have no tick between " + start + " and " + s.to());
        }
        List<String> markets = ReplayInputs.symbols(path);
        String bookSymbol = s.symbol() != null ? s.symbol() : markets.get(0);
        if (!markets.contains(bookSymbol)) {
            throw new IllegalArgumentException("symbol " + bookSymbol + " has no price in the files (markets: "
                    + markets + ")");
        }
        List<RiskTier> tiers = s.riskTiers() == null || s.riskTiers().isEmpty() ? ReplayInputs.DEFAULT_TIERS
                : s.riskTiers();
        Map<String, List<RiskTier>> tierTables = new TreeMap<>();
        Map<String, BigDecimal> funds = new TreeMap<>();
        markets.forEach(m -> {
            tierTables.put(m, tiers);
            if (s.insuranceFund() != null) {
                funds.put(m, s.insuranceFund());
            }
        });
        List<Account> book = s.accounts() != null ? s.accounts()
                : (s.book() != null ? s.book() : new ReplayInputs.BookParameters(null, null, null, null, null, null,
                        null, null)).generate(bookSymbol, ReplayInputs.firstPrice(path, bookSymbol, s.from()), tiers);
        List<ReplayPolicy> compiled = new ArrayList<>();
        for (PolicySource policy : plan.policies()) {
            if (job.cancelRequested()) {
                throw new ReplayCancelledException("cancelled before the replay started");
            }
            compiled.add(ReplayPolicy.compile(policy.label(), s.ruleSet(), policy.version(), policy.files()));
        }
        ReplaySettings settings = s.liquidationFeeRate() == null ? ReplaySettings.DEFAULT
                : new ReplaySettings(s.liquidationFeeRate(), ReplaySettings.DEFAULT.fundingInterval(),
                ReplaySettings.DEFAULT.haltBehaviour());
        return ReplayRequest.of(path, s.from(), s.to(), book, tierTables, funds, compiled).withSettings(settings)
                .withProgress(job::progress, job::cancelRequested);
    }

    private Plan plan(ReplaySubmission s) {
        List<InputProblem> errors = new ArrayList<>();
        List<ResolvedPrices> prices = new ArrayList<>();
        if (s.prices().isEmpty()) {
            errors.add(new InputProblem("prices", "name at least one price file of the market data folder"));
        }
        for (int i = 0; i < s.prices().size(); i++) {
            ReplaySubmission.PriceFile file = s.prices().get(i);
            String field = "prices[" + i + "].path";
            if (file == null) {
                errors.add(new InputProblem("prices[" + i + "]", "expected a JSON object with a path"));
                continue;
            }
            try {
                prices.add(new ResolvedPrices(dataDirectory.resolve(file.path(), field),
                        file.symbol() != null ? file.symbol() : s.symbol(),
                        file.layout() == null ? ReplayInputs.Layout.AUTO : file.layout()));
            } catch (InvalidInput e) {
                errors.addAll(e.errors());
            }
        }
        if (s.from() == null) {
            errors.add(new InputProblem("from", "'from' is required: the first instant replayed"));
        }
        if (s.to() == null) {
            errors.add(new InputProblem("to", "'to' is required: the end of the replay (exclusive)"));
        }
        if (s.from() != null && s.to() != null && !s.from().isBefore(s.to())) {
            errors.add(new InputProblem("to", "must be after 'from'"));
        }
        if (s.historyMinutes() < 0 || s.historyMinutes() > 24 * 60) {
            errors.add(new InputProblem("historyMinutes", "must be between 0 and 1440"));
        }
        if (s.accounts() != null && s.book() != null) {
            errors.add(new InputProblem("book", "give either 'book' (generator parameters) or 'accounts', not both"));
        }
        if (s.accounts() != null && (s.accounts().isEmpty() || s.accounts().size() > maxAccounts)) {
            errors.add(new InputProblem("accounts", "must hold 1 to " + maxAccounts + " accounts"));
        }
        if (s.book() != null && s.book().accounts() != null
                && (s.book().accounts() < 2 || s.book().accounts() > maxAccounts)) {
            errors.add(new InputProblem("book.accounts", "must be between 2 and " + maxAccounts));
        }
        if (s.insuranceFund() != null && s.insuranceFund().signum() < 0) {
            errors.add(new InputProblem("insuranceFund", "must not be negative"));
        }
        if (s.liquidationFeeRate() != null && s.liquidationFeeRate().signum() < 0) {
            errors.add(new InputProblem("liquidationFeeRate", "must not be negative"));
        }
        List<PolicySource> policies = policies(s, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput("the replay request is invalid: " + errors.stream()
                    .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        return new Plan(s, prices, policies);
    }

    private List<PolicySource> policies(ReplaySubmission s, List<InputProblem> errors) {
        List<PolicySource> policies = new ArrayList<>();
        int count = s.versions().size() + s.policies().size();
        if (count == 0) {
            errors.add(new InputProblem("versions", "name at least one stored version (or give inline 'policies')"));
        } else if (count > MAX_VERSIONS) {
            errors.add(new InputProblem("versions", "at most " + MAX_VERSIONS + " versions per replay"));
            return policies;
        }
        for (int i = 0; i < s.versions().size(); i++) {
            Integer version = s.versions().get(i);
            Optional<RuleSetVersion> stored = version == null ? Optional.empty() : repository.find(s.ruleSet(), version);
            if (stored.isEmpty()) {
                errors.add(new InputProblem("versions[" + i + "]",
                        "rule set '" + s.ruleSet() + "' has no version " + version));
                continue;
            }
            policies.add(new PolicySource(s.ruleSet() + " v" + version, version, repository.files(s.ruleSet(), version)));
        }
        for (int i = 0; i < s.policies().size(); i++) {
            ReplaySubmission.InlinePolicy inline = s.policies().get(i);
            String field = "policies[" + i + "]";
            if (inline == null || inline.label() == null || inline.label().isBlank()) {
                errors.add(new InputProblem(field + ".label", "an inline policy needs a label"));
                continue;
            }
            if (inline.files() == null || inline.files().isEmpty()) {
                errors.add(new InputProblem(field + ".files", "an inline policy needs its files"));
                continue;
            }
            Map<String, String> files = inline.files();
            if (Boolean.TRUE.equals(inline.overlay())) {
                if (policies.isEmpty()) {
                    errors.add(new InputProblem(field + ".overlay",
                            "an overlay is laid over the first version of the request; name one before it"));
                    continue;
                }
                files = PolicyFiles.overlay(policies.get(0).files(), files);
            }
            policies.add(new PolicySource(inline.label(), 0, files));
        }
        Set<String> labels = new HashSet<>();
        for (PolicySource policy : policies) {
            if (!labels.add(policy.label())) {
                errors.add(new InputProblem("policies", "labels must differ: '" + policy.label() + "' twice"));
            }
        }
        return policies;
    }

    private static String summary(Plan plan) {
        ReplaySubmission s = plan.submission();
        String book = s.accounts() != null ? s.accounts().size() + " accounts given"
                : s.book() == null ? "seeded book of " + ReplayInputs.BookParameters.DEFAULT_ACCOUNTS + " accounts"
                : "seeded book of " + (s.book().accounts() == null ? ReplayInputs.BookParameters.DEFAULT_ACCOUNTS
                : s.book().accounts()) + " accounts, seed " + (s.book().seed() == null
                ? ReplayInputs.BookParameters.DEFAULT_SEED : s.book().seed());
        return String.join(", ", plan.policies().stream().map(PolicySource::label).toList()) + " over "
                + s.prices().stream().map(ReplaySubmission.PriceFile::path).collect(Collectors.joining(" + "))
                + " from " + s.from() + " to " + s.to() + "; " + book
                + (s.insuranceFund() == null ? "" : "; fund " + s.insuranceFund().toPlainString());
    }

    private static String reason(ReplayJob job, String text) {
        String reason = "replay " + job.id() + " " + text;
        return reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
    }

    private void auditQuietly(AuditEvent event) {
        try {
            audit.append(event);
        } catch (RuntimeException e) {
            LOG.error("could not audit {}", event, e);
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Keeps the most recent {@code retained} finished jobs. */
    private void evictFinished() {
        List<ReplayJob> finished = jobs.values().stream().filter(j -> j.state().finished())
                .sorted(Comparator.comparing(j -> j.view().finishedAt())).toList();
        for (int i = 0; i < finished.size() - retained; i++) {
            jobs.remove(finished.get(i).id());
        }
    }

    @PreDestroy
    void stop() {
        jobs.values().forEach(j -> j.requestCancel("system", clock.instant()));
        workers.shutdownNow();
    }
}
