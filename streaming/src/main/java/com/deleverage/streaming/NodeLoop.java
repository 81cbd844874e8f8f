package com.deleverage.streaming;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The life of a stream node on a thread of its own: a session builds its clients, rebuilds its state from the topics
 * and decides until it fails or is closed; a failed session is followed by a new one after a second, except when
 * another node took over the node's transactional id, which stops it for good.
 */
public abstract class NodeLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeLoop.class);

    final StreamStats stats = new StreamStats();
    private final String name;
    private final Thread thread;
    private final List<KafkaConsumer<?, ?>> consumers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile boolean live;
    private volatile RuntimeException fatal;

    NodeLoop(String name) {
        this.name = name;
        this.thread = new Thread(this::run, "stream-" + name);
    }

    final void startThread() {
        thread.start();
    }

    /** One session: clients, rebuild, then decide while {@link #running()}; its clients close when it returns. */
    abstract void session();

    public final StreamStats stats() {
        return stats;
    }

    /** True once the state is rebuilt and the node decides new events (false again while it recovers). */
    public final boolean isLive() {
        return live;
    }

    /** Why the node stopped by itself (another node took over its transactional id), or null. */
    public final RuntimeException failure() {
        return fatal;
    }

    final boolean running() {
        return running;
    }

    final void live() {
        live = true;
    }

    /** Registers a session's consumer, so that {@link #close()} can wake its poll up. */
    final <K, V> KafkaConsumer<K, V> wakeable(KafkaConsumer<K, V> consumer) {
        consumers.add(consumer);
        return consumer;
    }

    private void run() {
        while (running) {
            try {
                session();
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                fatal = e;
                running = false;
                LOG.error("stream node {} stops: another node took over its transactional id", name, e);
            } catch (WakeupException e) {
                // close() woke the poll up
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("stream node {} rebuilds after a failure", name, e);
                    pause();
                }
            } finally {
                live = false;
                consumers.clear();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the node: the tick in progress finishes (or is aborted), nothing after it is decided. */
    @Override
    public void close() {
        running = false;
        consumers.forEach(KafkaConsumer::wakeup);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
