package com.deleverage.admin;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Starts the platform: admin API, evaluation service, database migrations and the active policies. */
@OpenAPIDefinition(
        info = @Info(title = "Deleveraging policy platform", version = "v1",
                description = "Rule set lifecycle (stage, validate, approve, activate, roll back), evaluations for "
                        + "trading systems, the decision log, dry-runs, shadow mode and the audit log. Errors are "
                        + "application/problem+json (RFC 9457)."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "replay".equals(args[0])) {
            // `java -jar deleveraging-platform.jar replay [options]`: a replay on the command line, no server.
            System.exit(com.deleverage.admin.replay.ReplayCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "policy".equals(args[0])) {
            // `java -jar deleveraging-platform.jar policy check|test|stage|fetch ...`: the authoring loop, no server.
            System.exit(com.deleverage.admin.policycli.PolicyCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        // Liquibase logs through java.util.logging; route it to the platform's one log format.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Micronaut.run(Application.class, args);
    }
}
