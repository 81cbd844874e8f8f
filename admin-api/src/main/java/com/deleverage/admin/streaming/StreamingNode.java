package com.deleverage.admin.streaming;

import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.deleverage.engine.sweep.SweepOptions;
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
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's stream node, when {@code deleveraging.streaming.enabled} is true: started by {@code PlatformStartup}
 * once the active versions are loaded (so its first tick has a version), with the decision log as its journal,
 * and stopped with the platform.
 */
@Singleton
@Requires(property = "deleveraging.streaming.enabled", value = "true")
public class StreamingNode {
    private final StreamingProperties properties;
    private final ActiveVersions activeVersions;
    private final DecisionLogJournal journal;
    private final Map<String, String> client;
    private StreamNode node;

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
        if (node != null) {
            return;
        }
        require(properties.bootstrapServers(), "bootstrap-servers");
        Path book = Path.of(require(properties.openingBook(), "opening-book"));
        Snapshot opening = read(book); // read once now, so a missing or invalid file stops the start
        StreamSettings settings = new StreamSettings(properties.bootstrapServers(), properties.accountTopic(),
                properties.marketTopic(), properties.decisionTopic(), properties.groupId(), properties.transactionalId(),
                properties.pollTimeout(), properties.eventWindow(), client);
        node = StreamNode.start(settings, () -> opening, activeVersions, SweepOptions.DEFAULT, journal);
    }

    /** The node's counters, or null before it started. */
    public synchronized StreamStats stats() {
        return node == null ? null : node.stats();
    }

    public synchronized boolean isLive() {
        return node != null && node.isLive();
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
    }
}
