package com.deleverage.admin.candidate;

import com.deleverage.admin.activation.VersionBuilder;
import com.deleverage.admin.refusal.Conflict;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.registry.ActiveVersions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Compiled versions other than the active one, for dry-runs, shadow runs and replays: compiled once
 * and kept in a small least-recently-used cache ({@code deleveraging.candidates.cache-size}, default 4)
 * instead of recompiled per call (a compile costs seconds). Callers {@link #lease} a version for the
 * duration of their work; an evicted version is disposed when its last lease is returned, so eviction
 * never pulls a knowledge base from under an evaluation. Two callers asking for the same uncached
 * version at once share one compilation. The active version is served from the registry.
 */
@Singleton
public class CandidateVersions {
    /** States whose versions passed validation. */
    public static final Set<VersionState> VALIDATED_OR_LATER =
            EnumSet.of(VersionState.VALIDATED, VersionState.APPROVED, VersionState.ACTIVE, VersionState.RETIRED);

    private record Key(String ruleSet, int version, String hash) {
    }

    private final RuleSetRepository repository;
    private final VersionBuilder builder;
    private final ActiveVersions activeVersions;
    private final int capacity;
    private final LinkedHashMap<Key, CompletableFuture<CompiledVersion>> cache =
            new LinkedHashMap<>(16, 0.75f, true);
    private long compilations;

    public CandidateVersions(RuleSetRepository repository, VersionBuilder builder, ActiveVersions activeVersions,
                             CandidateProperties properties) {
        this.repository = repository;
        this.builder = builder;
        this.activeVersions = activeVersions;
        this.capacity = properties.cacheSize();
    }

    /** The stored version, 404 when it does not exist. */
    public RuleSetVersion stored(String ruleSet, int version) {
        if (repository.ruleSet(ruleSet).isEmpty()) {
            throw new NotFound("no rule set '" + ruleSet + "'");
        }
        return repository.find(ruleSet, version).orElseThrow(() ->
                new NotFound("rule set '" + ruleSet + "' has no version " + version));
    }

    /** The stored version, 409 unless it passed validation. */
    public RuleSetVersion validated(String ruleSet, int version) {
        RuleSetVersion stored = stored(ruleSet, version);
        if (!VALIDATED_OR_LATER.contains(stored.state())) {
            throw new Conflict(ruleSet + " v" + version + " is " + stored.state()
                    + "; only a version that passed validation (VALIDATED, APPROVED, ACTIVE or RETIRED) can be evaluated");
        }
        return stored;
    }

    /**
     * A lease on the compiled version; close it when done.
     *
     * @throws Unprocessable when the version does not compile on this platform any more
     */
    public CompiledVersion.Lease lease(RuleSetVersion version) {
        CompiledVersion.Lease active = activeLease(version);
        if (active != null) {
            return active;
        }
        Key key = new Key(version.ruleSet(), version.version(), version.hash());
        while (true) {
            CompletableFuture<CompiledVersion> future;
            boolean mine = false;
            synchronized (cache) {
                future = cache.get(key);
                if (future == null) {
                    future = new CompletableFuture<>();
                    cache.put(key, future);
                    mine = true;
                    compilations++;
                    evictBeyondCapacity();
                }
            }
            if (mine) {
                try {
                    future.complete(builder.build(key.ruleSet(), key.version(), key.hash()));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                    forget(key, future);
                    throw e;
                }
            }
            CompiledVersion compiled;
            try {
                compiled = future.join();
            } catch (CompletionException e) {
                forget(key, future);
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            CompiledVersion.Lease lease = compiled.lease();
            if (lease != null) {
                return lease;
            }
            forget(key, future); // evicted and disposed meanwhile: compile again
        }
    }

    /** How many compilations this cache started (for tests and the metrics). */
    public long compilations() {
        synchronized (cache) {
            return compilations;
        }
    }

    private CompiledVersion.Lease activeLease(RuleSetVersion version) {
        return activeVersions.active(version.ruleSet())
                .filter(a -> a.version() == version.version() && a.hash().equals(version.hash()))
                .map(CompiledVersion::lease)
                .orElse(null);
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<Key, CompletableFuture<CompiledVersion>>> eldest = cache.entrySet().iterator();
        while (cache.size() > capacity && eldest.hasNext()) {
            CompletableFuture<CompiledVersion> evicted = eldest.next().getValue();
            eldest.remove();
            evicted.thenAccept(CompiledVersion::retire);
        }
    }

    private void forget(Key key, CompletableFuture<CompiledVersion> future) {
        synchronized (cache) {
            cache.remove(key, future);
        }
    }

    @PreDestroy
    void close() {
        List<CompletableFuture<CompiledVersion>> all;
        synchronized (cache) {
            all = new ArrayList<>(cache.values());
            cache.clear();
        }
        all.forEach(f -> f.thenAccept(CompiledVersion::retire));
    }
}
