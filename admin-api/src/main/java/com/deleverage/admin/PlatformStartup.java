package com.deleverage.admin;

import com.deleverage.admin.activation.ActiveVersionSync;
import com.deleverage.admin.activation.FleetListener;
import com.deleverage.admin.audit.AuditStartupCheck;
import com.deleverage.admin.seed.ReferencePolicySeeder;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Before the server takes requests (the database is migrated by then): verify the audit chain and that
 * it backs every active version (before anything is compiled), seed the reference policy on an
 * empty database, then load the recorded active version of every rule set and (PostgreSQL) listen for
 * the fleet's activations. A failure stops the start:
 * a platform that cannot serve its recorded policy must not pretend to.
 */
@Singleton
public class PlatformStartup {
    private final AuditStartupCheck audit;
    private final ReferencePolicySeeder seeder;
    private final ActiveVersionSync sync;
    private final FleetListener fleet;

    public PlatformStartup(AuditStartupCheck audit, ReferencePolicySeeder seeder, ActiveVersionSync sync,
                           FleetListener fleet) {
        this.audit = audit;
        this.seeder = seeder;
        this.sync = sync;
        this.fleet = fleet;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        audit.check(); // fails closed: nothing is compiled or served from a database the chain does not back
        seeder.seedIfNothingActive();
        sync.syncActive();
        fleet.start(); // PostgreSQL only: other nodes' activations arrive by LISTEN/NOTIFY
    }
}
