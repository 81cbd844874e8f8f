package com.deleverage.solvency.zk;

import com.deleverage.verifier.zk.Generators;
import com.deleverage.verifier.zk.ProofRejected;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.RangeStatement;
import com.deleverage.verifier.zk.RangeVerifier;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The range proofs: honest proofs verify (completeness) for the edges of the range and random values, alone and
 * aggregated; a value outside [0, 2^64) or any altered commitment, message, scalar or context is rejected.
 */
class RangeProverTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final byte[] CONTEXT = "test".getBytes(StandardCharsets.US_ASCII);
    private final SecureRandom random = new SecureRandom();
    private final RangeProver prover = new RangeProver(random);

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "18446744073709551615", "150000000"})
    void aProofOfOneValueInRangeVerifies(String value) {
        Opening opening = Opening.of(new BigInteger(value), random);
        RangeProof proof = prover.prove(List.of(opening), CONTEXT);
        assertThat(proof.l()).hasSize(6); // log2(64)
        assertThatCode(() -> verify(List.of(opening.commitment()), proof)).doesNotThrowAnyException();
    }

    @Test
    void randomValuesVerifyAggregatedWithPadding() {
        List<Opening> openings = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // 5 values: padded to 8, 512 bits, 9 rounds
            openings.add(Opening.of(new BigInteger(64, random), random));
        }
        RangeProof proof = prover.prove(openings, CONTEXT);
        assertThat(proof.l()).hasSize(9);
        assertThatCode(() -> verify(commitments(openings), proof)).doesNotThrowAnyException();
    }

    @Test
    void theProverRefusesValuesOutOfRange() {
        assertThatThrownBy(() -> prover.prove(List.of(Opening.of(BigInteger.ONE.negate(), random)), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> prover.prove(List.of(Opening.of(TWO_64, random)), CONTEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeValueCannotBeProven() {
        // −1 is committed as n − 1; its low 64 bits are all ones, which is not what the commitment holds.
        Opening negative = Opening.of(BigInteger.ONE.negate(), random);
        RangeProof proof = prover.proveUnchecked(List.of(negative), CONTEXT);
        assertThatThrownBy(() -> verify(List.of(negative.commitment()), proof)).isInstanceOf(ProofRejected.class)
                .hasMessageContaining("polynomial check");
    }

    @Test
    void aValueOfTwoTo64CannotBeProven() {
        Opening tooLarge = Opening.of(TWO_64, random);
        Opening inRange = Opening.of(BigInteger.TEN, random);
        RangeProof proof = prover.proveUnchecked(List.of(inRange, tooLarge), CONTEXT);
        assertThatThrownBy(() -> verify(commitments(List.of(inRange, tooLarge)), proof))
                .isInstanceOf(ProofRejected.class);
    }

    @Test
    void anAlteredCommitmentOrContextIsRejected() {
        Opening opening = Opening.of(BigInteger.valueOf(42), random);
        RangeProof proof = prover.prove(List.of(opening), CONTEXT);
        ECPoint other = Opening.of(BigInteger.valueOf(42), random).commitment();
        assertThatThrownBy(() -> verify(List.of(other), proof)).isInstanceOf(ProofRejected.class);
        ECPoint plusOne = opening.commitment().add(Secp256k1.G).normalize();
        assertThatThrownBy(() -> verify(List.of(plusOne), proof)).isInstanceOf(ProofRejected.class);
        assertThatThrownBy(() -> RangeVerifier.verify(new RangeStatement(List.of(opening.commitment()),
                "tesT".getBytes(StandardCharsets.US_ASCII)), proof)).isInstanceOf(ProofRejected.class);
        // Two commitments where one was proven: another statement (m = 2), another number of rounds.
        assertThatThrownBy(() -> verify(List.of(opening.commitment(), opening.commitment()), proof))
                .hasMessageContaining("has 7 L and R points, this one 6 and 6");
    }

    @Test
    void everyAlteredMessageOrScalarIsRejected() {
        List<Opening> openings = List.of(Opening.of(BigInteger.valueOf(7), random), Opening.of(BigInteger.ZERO, random));
        RangeProof p = prover.prove(openings, CONTEXT);
        List<ECPoint> v = commitments(openings);
        ECPoint h = Generators.H;
        UnaryOperator<BigInteger> bump = s -> s.add(BigInteger.ONE).mod(Secp256k1.ORDER);
        List<RangeProof> forged = List.of(
                new RangeProof(p.a().add(h).normalize(), p.s(), p.t1(), p.t2(), p.taux(), p.mu(), p.tHat(), p.l(), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s().add(h).normalize(), p.t1(), p.t2(), p.taux(), p.mu(), p.tHat(), p.l(), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1().add(h).normalize(), p.t2(), p.taux(), p.mu(), p.tHat(), p.l(), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2().add(h).normalize(), p.taux(), p.mu(), p.tHat(), p.l(), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), bump.apply(p.taux()), p.mu(), p.tHat(), p.l(), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), p.taux(), bump.apply(p.mu()), p.tHat(), p.l(), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), p.taux(), p.mu(), bump.apply(p.tHat()), p.l(), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), p.taux(), p.mu(), p.tHat(), replaced(p.l(), 3, h), p.r(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), p.taux(), p.mu(), p.tHat(), p.l(), replaced(p.r(), 0, h), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), p.taux(), p.mu(), p.tHat(), p.r(), p.l(), p.aFinal(), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), p.taux(), p.mu(), p.tHat(), p.l(), p.r(), bump.apply(p.aFinal()), p.bFinal()),
                new RangeProof(p.a(), p.s(), p.t1(), p.t2(), p.taux(), p.mu(), p.tHat(), p.l(), p.r(), p.aFinal(), bump.apply(p.bFinal())));
        assertThatCode(() -> verify(v, p)).doesNotThrowAnyException();
        for (RangeProof proof : forged) {
            assertThatThrownBy(() -> verify(v, proof)).isInstanceOf(ProofRejected.class);
        }
        // The commitments in the other order: the transcript, hence every challenge, differs.
        assertThatThrownBy(() -> verify(List.of(v.get(1), v.get(0)), p)).isInstanceOf(ProofRejected.class);
    }

    @Test
    void theJsonFormRoundTrips() throws ProofRejected {
        Opening opening = Opening.of(BigInteger.valueOf(99), random);
        RangeProof proof = prover.prove(List.of(opening), CONTEXT);
        RangeProof read = RangeProof.from(proof.toFile(), "proof");
        verify(List.of(opening.commitment()), read);
        assertThat(read.toFile()).isEqualTo(proof.toFile());
    }

    private static List<ECPoint> commitments(List<Opening> openings) {
        return openings.stream().map(Opening::commitment).toList();
    }

    private static List<ECPoint> replaced(List<ECPoint> points, int index, ECPoint added) {
        List<ECPoint> copy = new ArrayList<>(points);
        copy.set(index, copy.get(index).add(added).normalize());
        return copy;
    }

    private static void verify(List<ECPoint> commitments, RangeProof proof) throws ProofRejected {
        RangeVerifier.verify(new RangeStatement(commitments, CONTEXT), proof);
    }
}
