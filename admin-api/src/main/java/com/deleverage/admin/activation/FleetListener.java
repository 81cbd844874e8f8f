package com.deleverage.admin.activation;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * On PostgreSQL, listens on {@link ActivationSignal#CHANNEL} with one connection of its own, so an
 * activation, rollback or approval committed on another node reaches this one in milliseconds instead of
 * a poll interval: on every notification it runs {@link ActiveVersionSync#syncAll()}. The connection is
 * re-opened after a failure (with a catch-up sync, since notifications sent while it was down are lost);
 * the poll remains the fallback. Does nothing on other databases.
 */
@Singleton
public class FleetListener {
    private static final Logger LOG = LoggerFactory.getLogger(FleetListener.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final ActiveVersionSync sync;
    private volatile boolean running;
    private Thread thread;

    public FleetListener(DataSource dataSource, ActiveVersionSync sync) {
        // The pool itself, not Micronaut's transaction-aware proxy of it: the LISTEN connection is held for the
        // node's life outside every transaction, and the syncs it triggers run in transactions of their own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.sync = sync;
    }

    /** Starts listening when the database is PostgreSQL; returns whether it did. */
    public synchronized boolean start() {
        if (running) {
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
        } catch (SQLException e) {
            LOG.warn("cannot tell the database product; relying on the activation poll", e);
            return false;
        }
        running = true;
        thread = Thread.ofPlatform().name("fleet-listener").daemon().start(this::listen);
        return true;
    }

    private void listen() {
        boolean reconnect = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ActivationSignal.CHANNEL);
                }
                LOG.info("listening for activations of other nodes on PostgreSQL channel {}", ActivationSignal.CHANNEL);
                if (reconnect) {
                    syncQuietly(); // notifications sent while we were away are lost
                }
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        syncQuietly();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("fleet notification connection failed ({}); reconnecting in 1 s, the poll covers the gap",
                        e.toString());
                reconnect = true;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void syncQuietly() {
        try {
            sync.syncAll();
        } catch (RuntimeException e) {
            LOG.error("could not load the recorded active versions after a notification", e);
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
        }
    }
}
