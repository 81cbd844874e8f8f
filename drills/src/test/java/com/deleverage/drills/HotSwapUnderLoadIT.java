package com.deleverage.drills;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short form of the hot-swap drill (long form: drills/ops/hot-swap.sh, the platform jar, wrk-like
 * load, 20 swaps of a 500-rule version): four concurrent HTTP clients evaluate while the node switches
 * four times between its policy and a generated 120-rule version of it. No request fails and every
 * response carries exactly one of the two versions with that version's own hash.
 */
class HotSwapUnderLoadIT {

    @Test
    void swapsUnderLoadFailNoRequestAndStampEveryDecisionWithOneVersion() throws Exception {
        try (EmbeddedServer node = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.host", "127.0.0.1"), "test", "dev")) {
            HotSwapDrill.Result result = HotSwapDrill.run(node.getURL().toString(), 4, 120, 4, 2000, 300);
            System.out.println(result);
            assertThat(result.rules()).isEqualTo(120);
            assertThat(result.failures()).as(result.problems().toString()).isZero();
            assertThat(result.badStamps()).isZero();
            assertThat(result.perVersion()).hasSize(2);
            assertThat(result.swapping().count()).isPositive();
        }
    }
}
