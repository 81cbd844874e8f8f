package com.deleverage.engine.compile;

import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.AccountWatch;

import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One rule set version compiled into a KIE base: immutable once built. Evaluations {@link #lease()} it
 * for their duration; when the registry retires it, its container is disposed as soon as the last
 * lease is returned, so a swap never pulls a knowledge base from under a running evaluation.
 */
public final class CompiledVersion {
    private final String ruleSet;
    private final int version;
    private final String hash;
    private final String releaseId;
    private final KieContainer container;
    private final KieBase kieBase;
    // Sessions for one-shot evaluations: dispose() resets one and returns it here, so an evaluation does
    // not build a session's node memories again (half of a single-account evaluation's rule time).
    private final KieContainerSessionsPool sessions;
    private final Map<String, String> fileByRule;
    private final Instant compiledAt;
    private final AccountWatch accountWatch;
    private final SealedKnowledgeBase seal;
    // Leases plus one for "not retired yet"; the container is disposed when it reaches zero.
    private final AtomicInteger references = new AtomicInteger(1);
    private final Map<String, String> stageTags;
    private final List<FactType> handoverTypes;
    private final StageBuilder stageBuilder;
    private final Map<Stage, CompiledVersion> stages = new EnumMap<>(Stage.class); // built on first use; guarded by this

    CompiledVersion(String ruleSet, int version, String hash, String releaseId, KieContainer container,
                    Map<String, String> fileByRule, Instant compiledAt, StageBuilder stageBuilder) {
        this.ruleSet = ruleSet;
        this.version = version;
        this.hash = hash;
        this.releaseId = releaseId;
        this.container = container;
        this.kieBase = container.getKieBase();
        this.sessions = container.newKieSessionsPool(0);
        this.fileByRule = Map.copyOf(fileByRule);
        this.compiledAt = compiledAt;
        this.accountWatch = AccountWatchProbe.read(kieBase).orElse(null);
        this.stageTags = StageTags.byRule(kieBase);
        this.handoverTypes = StageTags.handoverTypes(kieBase);
        this.stageBuilder = stageBuilder;
        this.seal = new SealedKnowledgeBase(toString());
        kieBase.addEventListener(seal);
    }

    public String ruleSet() {
        return ruleSet;
    }

    public int version() {
        return version;
    }

    /** {@code sha256:...} of the version's canonical content. */
    public String hash() {
        return hash;
    }

    public String releaseId() {
        return releaseId;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /**
     * A session for one evaluation, from the version's pool: {@code dispose()} it when done and it is reset
     * and kept for the next evaluation. The caller removes the listeners it added before disposing.
     */
    public KieSession pooledSession() {
        return sessions.newKieSession();
    }

    public Instant compiledAt() {
        return compiledAt;
    }

    /** The accounts this version acts on, as it states them; empty when it watches every account. */
    public Optional<AccountWatch> accountWatch() {
        return Optional.ofNullable(accountWatch);
    }

    /** Whether an account's facts go into this version's sessions (see {@link AccountWatch}). */
    public boolean watches(AccountRisk account) {
        return accountWatch == null || accountWatch.covers(account);
    }

    /** The file a rule was written in, keyed by rule name ({@code null} for unknown rules). */
    public String fileOf(String ruleName) {
        return fileByRule.get(ruleName);
    }

    /** Names of every rule in this version. */
    public java.util.Set<String> ruleNames() {
        return fileByRule.keySet();
    }

    /** Whether the version can be evaluated in an account stage and a market stage: it tags at least one rule. */
    public boolean stageable() {
        return !stageTags.isEmpty();
    }

    /** The stage a rule is tagged with; empty for an untagged rule (it runs in both stages) or an unknown one. */
    public Optional<Stage> stageOf(String ruleName) {
        return Optional.ofNullable(stageTags.get(ruleName)).flatMap(Stage::ofTag);
    }

    /** The declared types marked {@code @handover}: what crosses from the account stage to the market stage. */
    public List<FactType> handoverTypes() {
        return handoverTypes;
    }

    /**
     * The version with only one stage's rules (and the untagged ones), compiled on first use through the same
     * sandboxed compiler and kept until this version is disposed. Call it while holding a {@link #lease()}.
     *
     * @throws IllegalStateException when the version is not {@link #stageable()} or is disposed
     */
    public synchronized CompiledVersion stage(Stage stage) {
        if (isDisposed()) {
            throw new IllegalStateException(this + " is disposed");
        }
        if (!stageable()) {
            throw new IllegalStateException(this + " tags no rule with @stage: it is evaluated in one session only");
        }
        return stages.computeIfAbsent(stage, s -> stageBuilder.build(this, s));
    }

    /**
     * Takes a reference for the duration of one evaluation. Returns null when the version has already been
     * disposed (the caller then reads the registry again).
     */
    public Lease lease() {
        while (true) {
            int current = references.get();
            if (current == 0) {
                return null;
            }
            if (references.compareAndSet(current, current + 1)) {
                return new Lease(this);
            }
        }
    }

    /** Called once by whoever owns the version when it is no longer active or needed. */
    public void retire() {
        release();
    }

    public boolean isDisposed() {
        return references.get() == 0;
    }

    private void release() {
        if (references.decrementAndGet() == 0) {
            seal.unseal();
            container.dispose();
            synchronized (this) {
                stages.values().forEach(CompiledVersion::retire);
                stages.clear();
            }
        }
    }

    @Override
    public String toString() {
        return ruleSet + " v" + version + " (" + hash + ")";
    }

    /** Compiles a stage of a version from the version's own files, with the compiler that compiled it. */
    record StageBuilder(RuleSetCompiler compiler, Map<String, String> files) {
        StageBuilder {
            files = Map.copyOf(files);
        }

        CompiledVersion build(CompiledVersion whole, Stage stage) {
            Compilation compiled = compiler.compile(whole.ruleSet(), whole.version(),
                    StageSources.of(files, whole.stageTags, stage));
            return compiled.compiledVersion().orElseThrow(() -> new IllegalStateException("the " + stage.tag()
                    + " stage of " + whole + " does not compile: " + compiled.findings()));
        }
    }

    /** A reference to a version held by one evaluation. */
    public static final class Lease implements AutoCloseable {
        private final CompiledVersion version;
        private boolean closed;

        private Lease(CompiledVersion version) {
            this.version = version;
        }

        public CompiledVersion version() {
            return version;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                version.release();
            }
        }
    }
}
