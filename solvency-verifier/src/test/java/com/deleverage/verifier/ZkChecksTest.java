package com.deleverage.verifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * verify-range's and verify-solvency's checks on the worked example's files ({@link ZkFixtures}): they pass, and
 * each alteration fails with the reason an account holder should read.
 */
class ZkChecksTest {
    private static final String PROOF = ZkFixtures.read("alice-proof.json");
    private static final String EPOCH = ZkFixtures.read("epoch.json");
    /** Bob's leaf commitment (worked example): a valid point that is not the sibling alice's proof names. */
    private static final String BOB = "033cb56f8197e397dbb33a6a473ec911a33d11d566bd9d9b7a2f8df81da8441457";
    private static final String CAROL = "035eb8287867acb42fad7c9ed9553ea75e9cc4af8d44a33cb7cf62d555258c66f6";

    @Test
    void theWorkedExamplePasses() {
        assertPass(RangeCheck.againstRoot(PROOF, ZkFixtures.ROOT));
        assertPass(RangeCheck.againstEpoch(PROOF, EPOCH));
        Verdict solvency = SolvencyCheck.verify(EPOCH, ZkFixtures.ROOT);
        assertPass(solvency);
        assertThat(solvency.lines().getLast()).isEqualTo("PASS: reserves of 27 USDT cover the liabilities committed "
                + "to in root " + ZkFixtures.ROOT + " of epoch 1 (their total is not revealed)");
    }

    @Test
    void alteredProofsFailWithTheirReason() {
        assertFail(RangeCheck.againstRoot(PROOF.replace("\"150000000\"", "\"150000001\""), ZkFixtures.ROOT),
                "the path leads to root ");
        assertThat(PROOF).contains(BOB);
        assertFail(RangeCheck.againstRoot(PROOF.replace(BOB, CAROL), ZkFixtures.ROOT), "the path leads to root ");
        assertFail(RangeCheck.againstRoot(PROOF, "00" + ZkFixtures.ROOT.substring(2)), "not to the published root");
        assertFail(RangeCheck.againstRoot(PROOF.replace("\"blinding\":\"", "\"blinding\":\"X"), ZkFixtures.ROOT),
                "blinding must be a scalar");
        assertFail(RangeCheck.againstRoot(PROOF.replace("\"L\":[\"", "\"L\":[\"" + BOB + "\",\""), ZkFixtures.ROOT),
                "a range proof over 3 values has 8 L and R points, this one 9 and 8");
        assertFail(RangeCheck.againstEpoch(PROOF, EPOCH.replace("\"accountCount\":3", "\"accountCount\":5")),
                "a tree of 5 accounts has 3 levels above its leaves, but the proof's path has 2 siblings");
    }

    @Test
    void alteredEpochsFailWithTheirReason() {
        // 26.5 USDT is 7 units short of the total 26.50000007: the proof made for 27 does not hold.
        assertFail(SolvencyCheck.verify(EPOCH.replace("\"27\"", "\"26.5\""), null), "the range proof's");
        assertFail(SolvencyCheck.verify(EPOCH.replace("\"27\"", "\"28\""), null), "the range proof's");
        assertFail(SolvencyCheck.verify(EPOCH.replace("\"solvent\":true", "\"solvent\":false"), null),
                "the epoch says solvent: false");
        assertFail(SolvencyCheck.verify(EPOCH.replace("\"27\"", "\"184467440737.09551616\""), null),
                "are 2^64 units of 10^-8 or more");
        assertFail(SolvencyCheck.verify(EPOCH, "00" + ZkFixtures.ROOT.substring(2)), "is not the published root");
    }

    private static void assertPass(Verdict verdict) {
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
    }

    private static void assertFail(Verdict verdict, String reason) {
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lines().getLast()).startsWith("FAIL: ").contains(reason);
    }
}
