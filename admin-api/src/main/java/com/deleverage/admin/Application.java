package com.deleverage.admin;

import io.micronaut.runtime.Micronaut;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the platform: admin API, evaluation service, database migrations and the active policies. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "replay".equals(args[0])) {
            // `java -jar deleveraging-platform.jar replay [options]`: a replay on the command line, no server.
            System.exit(com.deleverage.admin.replay.ReplayCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        // Liquibase logs through java.util.logging; route it to the platform's one log format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Micronaut.run(Application.class, args);
    }
}
