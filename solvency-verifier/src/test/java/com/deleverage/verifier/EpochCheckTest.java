package com.deleverage.verifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EpochCheckTest {
    @Test
    void reservesThatCoverTheRootSumMakeAnEpochSolvent() {
        Verdict verdict = EpochCheck.verify(Vectors.EPOCH, Vectors.ROOT);
        assertThat(verdict.passed()).as(verdict.lines().toString()).isTrue();
        assertThat(verdict.lines().getLast()).isEqualTo("PASS: reserves of 27 USDT cover the liabilities of "
                + "26.50000007: the epoch rightly says solvent: true");
    }

    @Test
    void aSolventClaimThatDoesNotFollowFromTheFiguresFails() {
        // 26.50000006 USDT = 2650000006 units, one unit short of the root sum 2650000007.
        String short1 = Vectors.EPOCH.replace("\"27\"", "\"26.50000006\"");
        assertThat(EpochCheck.verify(short1, null).lines().getLast()).isEqualTo("FAIL: the epoch claims solvent: "
                + "true, but reserves of 26.50000006 USDT are less than the liabilities of 26.50000007");
        String honest = short1.replace("\"solvent\":true", "\"solvent\":false");
        assertThat(EpochCheck.verify(honest, null).passed()).isTrue();
        // Exactly the root sum is enough: reserves >= liabilities.
        assertThat(EpochCheck.verify(Vectors.EPOCH.replace("\"27\"", "\"26.50000007\""), null).passed()).isTrue();
    }

    @Test
    void anotherRootOrMalformedReservesFail() {
        assertThat(EpochCheck.verify(Vectors.EPOCH, "00".repeat(32)).lines().getLast())
                .isEqualTo("FAIL: the epoch's root " + Vectors.ROOT + " is not the published root " + "00".repeat(32));
        assertThat(EpochCheck.verify(Vectors.EPOCH.replace("\"27\"", "\"27.000000001\""), null).lines().getLast())
                .isEqualTo("FAIL: reserves.USDT must be a decimal amount with at most 8 decimal places, not '27.000000001'");
        assertThat(EpochCheck.verify(Vectors.EPOCH.replace("{\"USDT\":\"27\"}", "{\"USDT\":\"27\",\"BTC\":\"1\"}"), null)
                .passed()).isFalse();
    }
}
