package com.deleverage.streaming;

import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepOptions;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;

/** A stage of a staged deployment on one node: what both stages are given, and the partitions Kafka gave it. */
public abstract sealed class StageNode extends NodeLoop permits AccountStageNode, MarketStageNode {
    final StagedSettings settings;
    final StreamSettings stream;
    final NodeClients clients;
    final Supplier<Snapshot> opening;
    final ActiveVersions registry;
    final SweepOptions options;
    private volatile Set<Integer> owned = Set.of();

    StageNode(String name, StagedSettings settings, Supplier<Snapshot> opening, ActiveVersions registry,
              SweepOptions options) {
        super(name);
        this.settings = settings;
        this.stream = settings.stream();
        this.clients = new NodeClients(stream);
        this.opening = opening;
        this.registry = registry;
        this.options = options;
    }

    /** The partitions this stage decides now (account partitions, or hand-over partitions and so markets). */
    public final Set<Integer> partitions() {
        return owned;
    }

    final void owns(Collection<Integer> partitions) {
        owned = Set.copyOf(partitions);
    }
}
