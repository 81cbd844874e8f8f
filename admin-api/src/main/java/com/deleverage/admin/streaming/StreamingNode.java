package com.deleverage.admin.streaming;

import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.deleverage.engine.sweep.SweepOptions;
import com.deleverage.streaming.AccountStageNode;
import com.deleverage.streaming.MarketStageNode;
import com.deleverage.streaming.StagedSettings;
import com.deleverage.streaming.StreamNode;
import com.deleverage.streaming.StreamSettings;
import com.deleverage.streaming.StreamStats;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's stream node, when {@code deleveraging.streaming.enabled} is true: started by {@code PlatformStartup}
 * once the active versions are loaded (so its first tick has a version), and stopped with the platform. In
 * {@code single} mode one {@link StreamNode} decides the whole book, with the decision log as its journal; in
 * {@code staged} mode an {@link AccountStageNode} and a {@link MarketStageNode} share the partitions with the other
 * staged nodes (the decisions topic is then the record: a staged tick spans nodes, no one node's log holds it).
 */
@Singleton
@Requires(property = "deleveraging.streaming.enabled", value = "true")
public class StreamingNode {
    private final StreamingProperties properties;
    private final ActiveVersions activeVersions;
    private final DecisionLogJournal journal;
    private final Map<String, String> client;
    private StreamNode node;
    private AccountStageNode accountStage;
    private MarketStageNode marketStage;

    public StreamingNode(StreamingProperties properties, ActiveVersions activeVersions, DecisionLogJournal journal,
                         PropertyResolver configuration) {
        this.properties = properties;
        this.activeVersions = activeVersions;
        this.journal = journal;
        this.client = clientProperties(configuration);
    }

    /** The Kafka client properties under {@code deleveraging.streaming.client.}, with their Kafka names. */
    static Map<String, String> clientProperties(PropertyResolver configuration) {
        Map<String, String> out = new TreeMap<>();
        configuration.getProperties("deleveraging.streaming.client", StringConvention.RAW)
                .forEach((key, value) -> out.put(key, String.valueOf(value)));
        return out;
    }

    public synchronized void start() {
        if (node != null || accountStage != null) {
            return;
        }
        require(properties.bootstrapServers(), "bootstrap-servers");
        Path book = Path.of(require(properties.openingBook(), "opening-book"));
        Snapshot opening = read(book); // read once now, so a missing or invalid file stops the start
        StreamSettings settings = new StreamSettings(properties.bootstrapServers(), properties.accountTopic(),
                properties.marketTopic(), properties.decisionTopic(), properties.groupId(), properties.transactionalId(),
                properties.pollTimeout(), properties.eventWindow(), client);
        if (properties.mode() == StreamingProperties.Mode.STAGED) {
            StagedSettings staged = new StagedSettings(settings, properties.handoverTopic());
            accountStage = AccountStageNode.start(staged, () -> opening, activeVersions, SweepOptions.DEFAULT);
            marketStage = MarketStageNode.start(staged, () -> opening, activeVersions, SweepOptions.DEFAULT);
        } else {
            node = StreamNode.start(settings, () -> opening, activeVersions, SweepOptions.DEFAULT, journal);
        }
    }

    /** The node's counters (a staged node's: both stages' summed), or null before it started. */
    public synchronized StreamStats stats() {
        if (accountStage != null) {
            return StreamStats.total(accountStage.stats(), marketStage.stats());
        }
        return node == null ? null : node.stats();
    }

    public synchronized boolean isLive() {
        return accountStage != null ? accountStage.isLive() && marketStage.isLive() : node != null && node.isLive();
    }

    /** A staged node's account partitions and hand-over (market) partitions now; empty lists for a single node. */
    public synchronized List<Integer> accountPartitions() {
        return accountStage == null ? List.of() : accountStage.partitions().stream().sorted().toList();
    }

    public synchronized List<Integer> marketPartitions() {
        return marketStage == null ? List.of() : marketStage.partitions().stream().sorted().toList();
    }

    private static String require(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("deleveraging.streaming." + key + " is required when streaming is enabled");
        }
        return value;
    }

    private static Snapshot read(Path file) {
        try {
            return SnapshotJson.json().read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the opening book " + file, e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (node != null) {
            node.close();
        }
        if (accountStage != null) {
            accountStage.close();
            marketStage.close();
        }
    }
}
