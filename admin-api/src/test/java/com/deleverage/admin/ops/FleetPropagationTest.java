package com.deleverage.admin.ops;

import com.deleverage.admin.db.PostgresExtension;
import com.deleverage.admin.db.PostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short form of the fleet drill (long form: admin-api/ops/fleet.sh, two platform processes): two nodes
 * (application contexts with their HTTP servers) on one private PostgreSQL; an activation and a rollback
 * on node A reach node B within 1 s, measured from A's response to B's first decision stamped with the
 * new version (LISTEN/NOTIFY; the poll is set to 1 h here so it cannot be what delivers them).
 */
class FleetPropagationTest {
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void anActivationOnOneNodeIsServedByTheOtherWithinOneSecond() throws Exception {
        try (EmbeddedServer a = node(); EmbeddedServer b = node()) {
            FleetDrill.Result result = FleetDrill.run(a.getURL().toString(), b.getURL().toString(), 3, 2500);
            System.out.println(result);
            assertThat(result.propagationMillis()).hasSize(3).allSatisfy(ms -> assertThat(ms)
                    .isLessThanOrEqualTo(FleetDrill.TARGET_MILLIS));
        }
    }

    private static EmbeddedServer node() {
        return ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", postgres.jdbcUrl(),
                "datasources.default.username", PostgresServer.USER,
                "datasources.default.password", "",
                "micronaut.server.host", "127.0.0.1",
                "deleveraging.activation.poll-interval", "1h"), "test", "dev");
    }
}
