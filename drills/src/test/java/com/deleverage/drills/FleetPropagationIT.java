package com.deleverage.drills;

import com.deleverage.admin.db.PostgresExtension;
import com.deleverage.admin.db.PostgresServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Short form of the fleet drill (long form: drills/ops/fleet.sh, two platform processes, which measures the
 * propagation time against its 1 s target): two nodes (application contexts with their HTTP servers) on one
 * private PostgreSQL. The poll is set to 1 h, so only LISTEN/NOTIFY can bring node B an activation or a
 * rollback made on node A: B answers with the old version until it answers with the new one, and with the new
 * one ever after, switch after switch. How long that took is printed, not asserted.
 */
class FleetPropagationIT {
    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Test
    void anActivationAndRollbacksOnOneNodeReachTheOtherInOrder() throws Exception {
        try (EmbeddedServer a = node(); EmbeddedServer b = node()) {
            FleetDrill.Result result = FleetDrill.run(a.getURL().toString(), b.getURL().toString(), 3, 2500);
            System.out.println(result);

            assertThat(result.rounds()).hasSize(3);
            FleetDrill.Round activation = result.rounds().get(0);
            assertThat(result.rounds()).extracting(FleetDrill.Round::from, FleetDrill.Round::to).containsExactly(
                    tuple(activation.from(), activation.to()),
                    tuple(activation.to(), activation.from()),
                    tuple(activation.from(), activation.to()));
            assertThat(activation.to()).isEqualTo(activation.from() + 1);
            assertThat(result.rounds()).allSatisfy(round -> {
                assertThat(round.switchedOnceInOrder()).as(round.toString()).isTrue();
                assertThat(round.stamps()).endsWith(round.to(), round.to(), round.to(), round.to());
            });
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
