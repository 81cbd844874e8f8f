package com.deleverage.admin;

import io.micronaut.runtime.Micronaut;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the platform: admin API, evaluation service, database migrations and the active policies. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        // Liquibase logs through java.util.logging; route it to the platform's one log format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Micronaut.run(Application.class, args);
    }
}
