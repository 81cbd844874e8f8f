package com.deleverage.verifier.zk;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generators, the transcript and the tree's commitments against values computed apart from this code, with a
 * few lines of Python (hashlib, and affine secp256k1 arithmetic with pow(·, -1, p)), following the text of
 * docs/solvency.md: the document is enough to derive them.
 */
class GeneratorsTest {
    @Test
    void generatorsAreHashedToTheCurveAsSpecified() {
        // pedersen/H takes counter 2 (counters 0 and 1 give an x whose x³ + 7 is not a square); the others counter 0,
        // bulletproofs/G/63 counter 1.
        assertThat(Secp256k1.hex(Generators.H))
                .isEqualTo("0269dffb7a6dc629542d2c1e86f0715bfde4304fe2592202d20d39785c06a88bc7");
        assertThat(Secp256k1.hex(Generators.U))
                .isEqualTo("02af746ec3d1780e07cae1b16fa90fac7851130fd63af69ce6528e1a186b46672b");
        assertThat(Secp256k1.hex(Generators.g(64)[0]))
                .isEqualTo("021d1b813344b4caf44f337d98d91f698d4ab732a7c33f7eff2541113eff950df9");
        assertThat(Secp256k1.hex(Generators.g(64)[63]))
                .isEqualTo("02c62cf326dfc612a9b9ad8337f55fc590304a43ac9d6565223b36468a7d868f7b");
        assertThat(Secp256k1.hex(Generators.h(1)[0]))
                .isEqualTo("02e6d628fb07afacc3ad1d554b3ada26b340600422450ac5a2ed50fbb78aefe723");
        assertThat(Generators.g(128)).doesNotContainAnyElementsOf(java.util.List.of(Generators.h(128)))
                .doesNotContain(Secp256k1.G, Generators.H, Generators.U).doesNotHaveDuplicates();
    }

    @Test
    void transcriptChallengesAreAsSpecified() {
        Transcript transcript = new Transcript("test").append("x", new byte[]{1, 2, 3});
        assertThat(Secp256k1.hex(transcript.challenge("c")))
                .isEqualTo("8a82ddc9d3e5213cb8e1bc9a957ca4102a12fe25c98292f92618304aa5792774");
        // The first challenge is appended: asking again under the same label gives another.
        assertThat(Secp256k1.hex(transcript.challenge("c")))
                .isEqualTo("c1aba2866225737be8e461338a9c9014560fa5cc6ed3e0eec2b7633b46f0e599");
        // Any other input, label or protocol gives another challenge.
        assertThat(new Transcript("test").append("x", new byte[]{1, 2, 4}).challenge("c"))
                .isNotEqualTo(new Transcript("test").append("x", new byte[]{1, 2, 3}).challenge("c"))
                .isNotEqualTo(new Transcript("test").append("y", new byte[]{1, 2, 3}).challenge("c"))
                .isNotEqualTo(new Transcript("tesT").append("x", new byte[]{1, 2, 3}).challenge("c"));
    }

    @Test
    void commitmentsAreValueTimesGPlusBlindingTimesH() {
        assertThat(Secp256k1.hex(CommitmentTree.commit(BigInteger.valueOf(150_000_000), BigInteger.ONE)))
                .isEqualTo("02db5fc5ed4e6cae08b6d7da3106a32640ed7350cbd4f046a433171d598a96ba09");
        assertThat(Secp256k1.hex(CommitmentTree.commit(BigInteger.ZERO, BigInteger.TWO)))
                .isEqualTo("023d3f0bbbec63bc8a89222544ed39bd428be75bbb2d9a7891ac2b4d8aa2d67d29");
        // Homomorphic: C(v1, r1) + C(v2, r2) = C(v1 + v2, r1 + r2).
        assertThat(CommitmentTree.commit(BigInteger.valueOf(150_000_000), BigInteger.ONE)
                .add(CommitmentTree.commit(BigInteger.ZERO, BigInteger.TWO)).normalize())
                .isEqualTo(CommitmentTree.commit(BigInteger.valueOf(150_000_000), BigInteger.valueOf(3)));
        assertThat(HexFormat.of().formatHex(CommitmentTree.inclusionContext(new byte[]{(byte) 0xab})))
                .isEqualTo("696e636c7573696f6e" + "ab");
    }
}
