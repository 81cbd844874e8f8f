package com.deleverage.admin.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a rollback goes when the operator names no version: the version whose time as the active one ended
 * most recently, unless that time was ended by a rollback. A version that was rolled back away from stays
 * away until an operator names it ({@code toVersion}), so two rollbacks in a row go two steps back instead
 * of toggling between the bad version and the good one.
 */
final class RollbackTarget {
    /** One activation event: {@code version} became active by {@code kind}, replacing {@code previous}. */
    record Switch(int version, Integer previous, ActivationKind kind) {
    }

    private RollbackTarget() {
    }

    /** The default target given the rule set's activations (oldest first) and its active version. */
    static Optional<Integer> of(List<Switch> history, int active) {
        // How each version last stopped being active, in the order in which they stopped.
        Map<Integer, ActivationKind> lastEnded = new LinkedHashMap<>();
        for (Switch change : history) {
            if (change.previous() != null) {
                lastEnded.remove(change.previous());
                lastEnded.put(change.previous(), change.kind());
            }
        }
        List<Integer> latestFirst = new ArrayList<>(lastEnded.keySet()).reversed();
        return latestFirst.stream()
                .filter(version -> version != active && lastEnded.get(version) != ActivationKind.ROLLBACK)
                .findFirst();
    }
}
