package com.deleverage.admin;

import com.deleverage.admin.activation.ActiveVersionSync;
import com.deleverage.admin.activation.FleetListener;
import com.deleverage.admin.audit.AuditStartupCheck;
import com.deleverage.admin.seed.ReferencePolicySeeder;
import com.deleverage.admin.streaming.StreamingNode;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Before the server takes requests (the database is migrated by then): verify the audit chain and that
 * it backs every active version (before anything is compiled), seed the reference policy on an
 * empty database, then load the recorded active version of every rule set and (PostgreSQL) listen for
 * the fleet's activations, and start the stream node when streaming is enabled (its first tick needs the active
 * version). A failure stops the start:
 * a platform that cannot serve its recorded policy must not pretend to.
 */
@Singleton
public class PlatformStartup {
    private final AuditStartupCheck audit;
    private final ReferencePolicySeeder seeder;
    private final ActiveVersionSync sync;
    private final FleetListener fleet;
    private final Optional<StreamingNode> streaming;

    public PlatformStartup(AuditStartupCheck audit, ReferencePolicySeeder seeder, ActiveVersionSync sync,
                           FleetListener fleet, Optional<StreamingNode> streaming) {
        this.audit = audit;
        this.seeder = seeder;
        this.sync = sync;
        this.fleet = fleet;
        this.streaming = streaming;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        audit.check(); // fails closed: nothing is compiled or served from a database the chain does not back
        seeder.seedIfNothingActive();
        sync.syncActive();
        fleet.start(); // PostgreSQL only: other nodes' activations arrive by LISTEN/NOTIFY
        streaming.ifPresent(StreamingNode::start); // deleveraging.streaming.enabled only
    }
}
