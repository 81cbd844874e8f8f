package com.deleverage.verifier;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InclusionCheckTest {
    private static final String HEX = "0123456789abcdef";
    private static final String DIGITS = "0123456789";

    @Test
    void theWorkedExampleProofsPass() {
        Verdict alice = InclusionCheck.againstRoot(Vectors.ALICE, Vectors.ROOT);
        assertThat(alice.passed()).as(alice.lines().toString()).isTrue();
        assertThat(alice.lines().getLast()).isEqualTo("PASS: the liability of account 'alice', 1.50000000, is included "
                + "in published root " + Vectors.ROOT + " of epoch 1 (total 26.50000007)");
        assertThat(InclusionCheck.againstRoot(Vectors.CAROL, Vectors.ROOT).passed()).isTrue();
        assertThat(InclusionCheck.againstEpoch(Vectors.ALICE, Vectors.EPOCH).passed()).isTrue();
        assertThat(InclusionCheck.againstEpoch(Vectors.CAROL, Vectors.EPOCH).passed()).isTrue();
    }

    @Test
    void everyAlteredByteOfAProofFailsAgainstTheEpoch() {
        for (String proof : new String[]{Vectors.ALICE, Vectors.CAROL}) {
            for (int at = 0; at < proof.length(); at++) {
                for (char other : alterations(proof.charAt(at))) {
                    String altered = proof.substring(0, at) + other + proof.substring(at + 1);
                    assertThat(InclusionCheck.againstEpoch(altered, Vectors.EPOCH).passed())
                            .as("byte %d altered to %s: %s", at, (int) other, altered).isFalse();
                }
            }
        }
    }

    @Test
    void everyAlteredByteOfAProofButTheEpochLabelFailsAgainstTheRootAlone() {
        // The epoch number is a label the hashes do not bind: only the epoch file ties it to the root.
        int epochDigit = Vectors.ALICE.indexOf("\"epoch\":1") + "\"epoch\":".length();
        for (int at = 0; at < Vectors.ALICE.length(); at++) {
            for (char other : alterations(Vectors.ALICE.charAt(at))) {
                String altered = Vectors.ALICE.substring(0, at) + other + Vectors.ALICE.substring(at + 1);
                boolean passed = InclusionCheck.againstRoot(altered, Vectors.ROOT).passed();
                if (at == epochDigit && Character.isDigit(other)) {
                    assertThat(passed).isTrue();
                } else {
                    assertThat(passed).as("byte %d altered to %s: %s", at, (int) other, altered).isFalse();
                }
            }
        }
    }

    @Test
    void everyAlteredByteOfTheRootFails() {
        for (int at = 0; at < Vectors.ROOT.length(); at++) {
            for (char other : alterations(Vectors.ROOT.charAt(at))) {
                String root = Vectors.ROOT.substring(0, at) + other + Vectors.ROOT.substring(at + 1);
                assertThat(InclusionCheck.againstRoot(Vectors.ALICE, root).passed()).as(root).isFalse();
                String epoch = Vectors.EPOCH.replace(Vectors.ROOT, root);
                assertThat(InclusionCheck.againstEpoch(Vectors.ALICE, epoch).passed()).as(root).isFalse();
            }
        }
    }

    @Test
    void aPathOfAnotherHeightThanTheEpochsAccountsFails() {
        // 5 accounts need 8 leaves, 3 levels; the example's proofs have 2 siblings.
        Verdict verdict = InclusionCheck.againstEpoch(Vectors.ALICE, Vectors.EPOCH.replace("\"accountCount\":3",
                "\"accountCount\":5"));
        assertThat(verdict.lines().getLast())
                .isEqualTo("FAIL: a tree of 5 accounts has 3 levels above its leaves, but the proof's path has 2 siblings");
        assertThat(InclusionCheck.againstEpoch(Vectors.ALICE, Vectors.EPOCH.replace("\"epoch\":1", "\"epoch\":2"))
                .lines().getLast()).isEqualTo("FAIL: the proof is for epoch 1, the epoch file is epoch 2");
    }

    @Test
    void aSumBeyond128BitsFailsAsOverflowEvenWhenHashesWouldMatch() {
        // Liability 2^128 - 1 and a sibling of sum 1: the parent's sum cannot be written in 16 bytes.
        String max = Fields.U128_MAX.toString();
        String proof = Vectors.CAROL.replace("\"liability\":\"7\"", "\"liability\":\"" + max + "\"")
                .replace("\"sum\":\"0\"", "\"sum\":\"1\"");
        Verdict verdict = InclusionCheck.againstRoot(proof, Vectors.ROOT);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lines().getLast()).isEqualTo("FAIL: the sum at level 1 exceeds 2^128 - 1: no honest tree has it");
        String beyond = Vectors.CAROL.replace("\"liability\":\"7\"", "\"liability\":\"" + Fields.U128_MAX.add(
                java.math.BigInteger.ONE) + "\"");
        assertThat(InclusionCheck.againstRoot(beyond, Vectors.ROOT).lines().getLast())
                .isEqualTo("FAIL: liability 340282366920938463463374607431768211456 exceeds 2^128 - 1");
    }

    @Test
    void valuesWrittenOtherwiseThanTheFormatFail() {
        assertThat(failure(Vectors.ALICE.replace("\"150000000\"", "\"0150000000\"")))
                .isEqualTo("FAIL: liability must be a whole number of units of 10^-8 in decimal digits, not '0150000000'");
        assertThat(failure(Vectors.ALICE.replace("\"150000000\"", "150000000")))
                .startsWith("FAIL: the proof file is not valid: ");
        assertThat(failure(Vectors.ALICE.replace("dcae218b", "DCAE218B")))
                .startsWith("FAIL: accountCommitment must be 64 lower-case hex digits");
        assertThat(failure(Vectors.ALICE.replace("{\"epoch\":1,", "{\"epoch\":1,\"epoch\":1,")))
                .startsWith("FAIL: the proof file is not valid: Duplicate field 'epoch'");
        assertThat(failure(Vectors.ALICE + "{}")).startsWith("FAIL: the proof file is not valid: ");
    }

    private static String failure(String proof) {
        Verdict verdict = InclusionCheck.againstRoot(proof, Vectors.ROOT);
        assertThat(verdict.passed()).isFalse();
        return verdict.lines().getLast();
    }

    /** Other values of one byte: a flipped low bit, a flipped case bit, the next hex digit, the next decimal digit, the other side. */
    static Set<Character> alterations(char c) {
        Set<Character> others = new LinkedHashSet<>();
        others.add((char) (c ^ 0x01));
        others.add((char) (c ^ 0x20));
        if (HEX.indexOf(c) >= 0) {
            others.add(HEX.charAt((HEX.indexOf(c) + 1) % HEX.length()));
        }
        if (DIGITS.indexOf(c) >= 0) {
            others.add(DIGITS.charAt((DIGITS.indexOf(c) + 1) % DIGITS.length()));
        }
        if (c == 'L' || c == 'R') {
            others.add(c == 'L' ? 'R' : 'L');
        }
        others.remove(c);
        return others;
    }
}
