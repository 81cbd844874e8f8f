package com.deleverage.admin.activation;

import com.deleverage.admin.db.Jdbc;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.registry.ActiveVersions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Versions compiled and warmed before anyone activates them, so that an activation or rollback, on this
 * node or on another node of the fleet, swaps in a ready knowledge base instead of compiling for seconds
 * while the fleet serves two versions. The candidates of a rule set are its APPROVED versions (the next
 * activation) and the default target of the next rollback ({@link RollbackTarget}), at most
 * {@link #MAX_PER_RULE_SET} of them, newest first. {@link ActiveVersionSync} calls {@link #prepare} on
 * every poll and every fleet notification; a prepared version is handed over once by {@link #take}.
 */
@Singleton
public class PreparedVersions {
    static final int MAX_PER_RULE_SET = 3;
    private static final Logger LOG = LoggerFactory.getLogger(PreparedVersions.class);

    record Key(String ruleSet, int version, String hash) {
    }

    private final TransactionOperations<Connection> transactions;
    private final VersionBuilder builder;
    private final ActivationEvents events;
    private final Map<Key, CompiledVersion> ready = new HashMap<>();
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("version-preparer").daemon().factory());

    public PreparedVersions(TransactionOperations<Connection> transactions, VersionBuilder builder,
                            ActivationEvents events) {
        this.transactions = transactions;
        this.builder = builder;
        this.events = events;
    }

    /** The prepared version, removed from this cache (the caller owns it now), or null. */
    public synchronized CompiledVersion take(String ruleSet, int version, String hash) {
        return ready.remove(new Key(ruleSet, version, hash));
    }

    /** The prepared version if there is one, else a fresh build. */
    public CompiledVersion takeOrBuild(String ruleSet, int version, String hash) {
        CompiledVersion prepared = take(ruleSet, version, hash);
        return prepared != null ? prepared : builder.build(ruleSet, version, hash);
    }

    /**
     * Makes {@code next} the active version of its rule set and keeps the version it replaces compiled
     * here (it is the rollback target), instead of disposing of it and compiling it again for the next
     * rollback. Callers hold the rule set's activation lock. The kept version is held by a reference of
     * its own (a lease this cache owns and releases with {@link CompiledVersion#retire()}).
     */
    public void swapIn(ActiveVersions activeVersions, CompiledVersion next) {
        CompiledVersion current = activeVersions.active(next.ruleSet()).orElse(null);
        boolean kept = current != null && current != next && current.lease() != null; // +1 reference, ours
        activeVersions.activate(next); // the registry releases its own reference to current
        if (kept) {
            CompiledVersion previous;
            synchronized (this) {
                previous = ready.putIfAbsent(new Key(current.ruleSet(), current.version(), current.hash()), current);
            }
            if (previous != null) {
                current.retire(); // already prepared: drop our reference
            }
        }
    }

    /** Number of versions ready to be swapped in (for tests and metrics). */
    public synchronized boolean isPrepared(String ruleSet, int version) {
        return ready.keySet().stream().anyMatch(k -> k.ruleSet().equals(ruleSet) && k.version() == version);
    }

    /** {@link #prepare} on this class's own thread, so a slow build never delays a swap; once per rule set at a time. */
    public void prepareLater(String ruleSet, Integer activeVersion) {
        if (queued.add(ruleSet)) {
            try {
                worker.execute(() -> {
                    queued.remove(ruleSet);
                    try {
                        prepare(ruleSet, activeVersion);
                    } catch (RuntimeException e) {
                        LOG.warn("could not prepare the next versions of {}: {}", ruleSet, e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.remove(ruleSet); // shutting down
            }
        }
    }

    /**
     * Builds the candidates of the rule set that are not ready yet and disposes of prepared versions that
     * are no longer candidates. Runs on the sync thread; a version that fails to build is skipped (the
     * activation then reports why).
     */
    public void prepare(String ruleSet, Integer activeVersion) {
        Set<Key> wanted = candidates(ruleSet, activeVersion);
        synchronized (this) {
            for (Iterator<Map.Entry<Key, CompiledVersion>> it = ready.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, CompiledVersion> entry = it.next();
                if (entry.getKey().ruleSet().equals(ruleSet) && !wanted.contains(entry.getKey())) {
                    entry.getValue().retire();
                    it.remove();
                }
            }
        }
        for (Key key : wanted) {
            synchronized (this) {
                if (ready.containsKey(key)) {
                    continue;
                }
            }
            try {
                CompiledVersion built = builder.build(key.ruleSet(), key.version(), key.hash());
                CompiledVersion previous;
                synchronized (this) {
                    previous = ready.put(key, built);
                }
                if (previous != null) {
                    previous.retire();
                }
                LOG.info("prepared {} v{} ({}) for a fast activation or rollback", key.ruleSet(), key.version(),
                        key.hash());
            } catch (RuntimeException e) {
                LOG.warn("could not prepare {} v{}: {}", key.ruleSet(), key.version(), e.getMessage());
            }
        }
    }

    private Set<Key> candidates(String ruleSet, Integer activeVersion) {
        return transactions.executeRead(status -> Jdbc.call(() -> {
            Connection connection = status.getConnection();
            Set<Key> keys = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT version_no, content_hash FROM rule_set_version
                    WHERE rule_set = ? AND state = 'APPROVED' ORDER BY version_no DESC""")) {
                select.setString(1, ruleSet);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next() && keys.size() < MAX_PER_RULE_SET - 1) {
                        keys.add(new Key(ruleSet, rs.getInt(1), rs.getString(2)));
                    }
                }
            }
            if (activeVersion != null) {
                Optional<Integer> target = RollbackTarget.of(events.history(ruleSet), activeVersion);
                if (target.isPresent()) {
                    try (PreparedStatement select = connection.prepareStatement("""
                            SELECT content_hash FROM rule_set_version WHERE rule_set = ? AND version_no = ?""")) {
                        select.setString(1, ruleSet);
                        select.setInt(2, target.get());
                        try (ResultSet rs = select.executeQuery()) {
                            if (rs.next()) {
                                keys.add(new Key(ruleSet, target.get(), rs.getString(1)));
                            }
                        }
                    }
                }
            }
            return keys;
        }));
    }

    @PreDestroy
    synchronized void close() {
        worker.shutdownNow();
        ready.values().forEach(CompiledVersion::retire);
        ready.clear();
    }
}
