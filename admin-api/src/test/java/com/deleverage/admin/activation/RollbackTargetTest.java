package com.deleverage.admin.activation;

import com.deleverage.admin.activation.RollbackTarget.Switch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.deleverage.admin.activation.ActivationKind.ACTIVATE;
import static com.deleverage.admin.activation.ActivationKind.ROLLBACK;
import static com.deleverage.admin.activation.ActivationKind.SEED;
import static org.assertj.core.api.Assertions.assertThat;

/** The default rollback target, on histories written out by hand (oldest activation first). */
class RollbackTargetTest {
    private static final Switch SEEDED_V1 = new Switch(1, null, SEED);

    @Test
    void theVersionTheActiveOneReplaced() {
        assertThat(RollbackTarget.of(List.of(SEEDED_V1, new Switch(2, 1, ACTIVATE)), 2)).contains(1);
    }

    @Test
    void aSecondRollbackGoesOneStepFurtherBackNotToTheVersionItLeft() {
        // v1 → v2 → v3, rolled back to v2: v3 ended by a rollback, v2 is active, v1 ended by an activation.
        List<Switch> history = List.of(SEEDED_V1, new Switch(2, 1, ACTIVATE), new Switch(3, 2, ACTIVATE),
                new Switch(2, 3, ROLLBACK));

        assertThat(RollbackTarget.of(history, 2)).contains(1);
    }

    @Test
    void nothingWhenEveryEarlierVersionWasRolledBackAwayFrom() {
        List<Switch> history = List.of(SEEDED_V1, new Switch(2, 1, ACTIVATE), new Switch(1, 2, ROLLBACK));

        assertThat(RollbackTarget.of(history, 1)).isEmpty();
        assertThat(RollbackTarget.of(List.of(SEEDED_V1), 1)).isEmpty();
    }

    @Test
    void whatCountsIsHowAVersionLastStoppedBeingActive() {
        // v1 → v2 → v3, back to v2, then explicitly to v3 again: v2's latest end is a rollback (t4), so it is
        // skipped although its first end was an activation (t2); v1 ended by an activation (t1).
        List<Switch> history = List.of(SEEDED_V1, new Switch(2, 1, ACTIVATE), new Switch(3, 2, ACTIVATE),
                new Switch(2, 3, ROLLBACK), new Switch(3, 2, ROLLBACK));

        assertThat(RollbackTarget.of(history, 3)).contains(1);
    }

    @Test
    void aVersionReplacedByALaterActivationIsATargetAgain() {
        // v1 → v2, rolled back to v1, then v3 activated: v1's latest end is v3's activation.
        List<Switch> history = List.of(SEEDED_V1, new Switch(2, 1, ACTIVATE), new Switch(1, 2, ROLLBACK),
                new Switch(3, 1, ACTIVATE));

        assertThat(RollbackTarget.of(history, 3)).contains(1);
    }
}
