package com.deleverage.engine.math;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RiskRanksTest {
    @Test
    void ordersRanksRiskiestFirstKeepingDuplicates() {
        assertThat(RiskRanks.riskiestFirst(List.of(7, 2, 31, 2, 1))).containsExactly(1, 2, 2, 7, 31);
        assertThat(RiskRanks.riskiestFirst(Set.of())).isEmpty();
    }
}
