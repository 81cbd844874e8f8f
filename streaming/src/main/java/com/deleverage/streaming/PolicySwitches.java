package com.deleverage.streaming;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.registry.ActiveVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * When a staged stream changes versions. A node does not switch when its own registry does (activations reach
 * nodes at different times): it announces the version on the market topic, and every account partition, on every
 * node, switches at that record, so one tick is decided by one version everywhere. The nodes announce the version
 * active when they start, if the partitions decide with another (or none yet), and every version their registry
 * activates afterwards (a version announced twice switches once).
 */
final class PolicySwitches {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySwitches.class);

    /** How long partitions wait at an announcement for this node to activate the version. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private record Waiting(int announced, Instant since) {
    }

    private final ActiveVersions registry;
    private final String ruleSet;
    private Integer seen;
    private Waiting waiting;

    PolicySwitches(ActiveVersions registry, String ruleSet) {
        this.registry = registry;
        this.ruleSet = ruleSet;
    }

    /**
     * The version to announce now, or null.
     *
     * @param deciding the versions the node's partitions decide with (0: none announced yet)
     */
    Integer toAnnounce(Collection<Integer> deciding) {
        Integer active = registry.active(ruleSet).map(CompiledVersion::version).orElse(null);
        if (active == null || deciding.isEmpty()) {
            return null;
        }
        boolean first = seen == null;
        boolean changed = !Objects.equals(active, seen);
        seen = active;
        if (first) {
            return deciding.stream().allMatch(active::equals) ? null : active;
        }
        return changed ? active : null;
    }

    /**
     * A lease on the version a record announced, or null while this node has not activated it yet (its NOTIFY on
     * the way): the partitions wait at the record. A node that still runs another version after {@link #PATIENCE}
     * (the announced one was replaced here before the record was reached, or never came) goes on with its active
     * version and says so: its partitions' markers then name another version than the others', and the market
     * stage waits for the next announcement instead of mixing them.
     */
    CompiledVersion.Lease lease(int announced) {
        CompiledVersion.Lease lease = registry.active(ruleSet).isPresent() ? registry.lease(ruleSet) : null;
        if (lease == null || lease.version().version() == announced) {
            waiting = null;
            return lease;
        }
        Instant now = Instant.now();
        if (waiting == null || waiting.announced() != announced) {
            waiting = new Waiting(announced, now);
        }
        if (Duration.between(waiting.since(), now).compareTo(PATIENCE) < 0) {
            lease.close();
            return null;
        }
        LOG.warn("version {} of {} was announced on the stream, but this node runs version {} after {}: its partitions "
                + "go on with {}", announced, ruleSet, lease.version().version(), PATIENCE, lease.version().version());
        waiting = null;
        return lease;
    }
}
