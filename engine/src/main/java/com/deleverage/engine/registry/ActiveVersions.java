package com.deleverage.engine.registry;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active compiled version of every rule set, each behind one atomic reference. An evaluation reads
 * the reference once and leases that version, so a swap in the middle of it never mixes two versions;
 * the version a swap retires is disposed when its last evaluation ends.
 */
public final class ActiveVersions {
    private final Map<String, AtomicReference<CompiledVersion>> active = new ConcurrentHashMap<>();

    public Optional<CompiledVersion> active(String ruleSet) {
        AtomicReference<CompiledVersion> ref = active.get(ruleSet);
        return ref == null ? Optional.empty() : Optional.ofNullable(ref.get());
    }

    /**
     * Makes a compiled (and ideally warmed) version the active one of its rule set and retires the one it
     * replaces. Returns the replaced version, or null.
     */
    public CompiledVersion activate(CompiledVersion version) {
        CompiledVersion previous = active.computeIfAbsent(version.ruleSet(), r -> new AtomicReference<>())
                .getAndSet(version);
        if (previous != null && previous != version) {
            previous.retire();
        }
        return previous;
    }

    /** Evaluates with the active version of the snapshot's rule set. */
    public Decision evaluate(Evaluator evaluator, String ruleSet, Snapshot snapshot) {
        try (CompiledVersion.Lease lease = lease(ruleSet)) {
            return evaluator.evaluate(lease.version(), snapshot);
        }
    }

    /**
     * Leases the active version. A version retired between the read and the lease is already disposed;
     * the loop then reads the reference again, which by then holds its successor.
     */
    public CompiledVersion.Lease lease(String ruleSet) {
        while (true) {
            CompiledVersion version = active(ruleSet).orElseThrow(() -> new EvaluationFailedException(
                    EvaluationFailedException.Reason.NO_ACTIVE_VERSION, null,
                    "rule set '" + ruleSet + "' has no active version", null));
            CompiledVersion.Lease lease = version.lease();
            if (lease != null) {
                return lease;
            }
        }
    }
}
