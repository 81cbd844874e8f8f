package com.deleverage.admin;

import com.deleverage.admin.activation.ActiveVersionSync;
import com.deleverage.admin.seed.ReferencePolicySeeder;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Before the server takes requests (the database is migrated by then): seed the reference policy on an
 * empty database, then load the recorded active version of every rule set. A failure stops the start:
 * a platform that cannot serve its recorded policy must not pretend to.
 */
@Singleton
public class PlatformStartup {
    private final ReferencePolicySeeder seeder;
    private final ActiveVersionSync sync;

    public PlatformStartup(ReferencePolicySeeder seeder, ActiveVersionSync sync) {
        this.seeder = seeder;
        this.sync = sync;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        seeder.seedIfNothingActive();
        sync.syncAll();
    }
}
