package com.deleverage.verifier.margin;

import com.deleverage.verifier.zk.ProofRejected;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public tables of a margin epoch as integers, and the tables the statements cannot rest on. */
class MarginTablesTest {
    private static final MarginEpochFile.Tier ONE = new MarginEpochFile.Tier("0", "50000", "0.004", "0");
    private static final MarginEpochFile.Tier TWO = new MarginEpochFile.Tier("50000", "600000", "0.005", "50");

    private static MarginEpochFile epoch(String mark, int quantityDecimals, List<MarginEpochFile.Tier> tiers) {
        return new MarginEpochFile(MarginEpochFile.FORMAT, "2025-10-10T21:15:00Z", "deleveraging", 1, "sha256:00",
                new MarginEpochFile.Rule("1", List.of("LIQUIDATE")), List.of("d-1"), 2, 3,
                List.of(new MarginEpochFile.MarketTable("BTCUSDT", mark, quantityDecimals, tiers)), 1L, 1L);
    }

    @Test
    void figuresAreScaledToTheirUnits() throws ProofRejected {
        // S = 2, R = 3, Q = 1: mark 103441.3 · 10^(2−1) = 1,034,413; tier 2: floor 50,000 · 10^2 = 5,000,000, cap
        // 60,000,000, rate 0.005 · 10^3 = 5, amount 50 · 10^(2+3) = 5,000,000.
        MarginTables.Market market = MarginTables.of(epoch("103441.3", 1, List.of(ONE, TWO))).market("BTCUSDT");
        assertThat(market.markScaled()).isEqualTo(1_034_413);
        assertThat(market.tiers().get(1)).isEqualTo(new MarginTables.Tier(BigInteger.valueOf(5_000_000),
                BigInteger.valueOf(60_000_000), BigInteger.valueOf(5), BigInteger.valueOf(5_000_000)));
    }

    @Test
    void tablesTheStatementsCannotRestOnAreRefused() {
        assertThatThrownBy(() -> MarginTables.of(epoch("103441.35", 1, List.of(ONE, TWO))))
                .hasMessage("markets.BTCUSDT.mark 103441.35 is not a whole number of 10^-1");
        assertThatThrownBy(() -> MarginTables.of(epoch("103441.30", 1, List.of(ONE, TWO))))
                .hasMessage("markets.BTCUSDT.mark must be a non-negative decimal without trailing zeros, not '103441.30'");
        assertThatThrownBy(() -> MarginTables.of(epoch("103441.3", 1,
                List.of(ONE, new MarginEpochFile.Tier("60000", "600000", "0.005", "50")))))
                .hasMessage("markets.BTCUSDT.tiers[1].floor must be the previous tier's cap: tiers have no gaps or overlaps");
        // 50,000 × 0.005 = 250 < 300: the margin would be −50 at the floor.
        assertThatThrownBy(() -> MarginTables.of(epoch("103441.3", 1,
                List.of(ONE, new MarginEpochFile.Tier("50000", "600000", "0.005", "300")))))
                .hasMessage("markets.BTCUSDT.tiers[1]: floor × rate is below amount, so the tier's maintenance margin "
                        + "would be negative at its floor");
    }
}
