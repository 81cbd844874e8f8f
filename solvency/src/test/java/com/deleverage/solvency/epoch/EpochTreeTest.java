package com.deleverage.solvency.epoch;

import com.deleverage.solvency.tree.Sibling;
import com.deleverage.solvency.tree.SumNode;
import com.deleverage.verifier.InclusionCheck;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/solvency.md, hashed outside this code base (Python's hashlib; alice's commitment
 * and leaf also with sha256sum, see the verifier's Vectors):
 * <pre>
 *   salts (ScriptedRandom): alice 01 x 32, bob 02 x 32, carol 03 x 32; the padding leaf's commitment 04 x 32
 *   commitments: alice dcae218b..., bob a23d2bd1..., carol 28026ede..., padding 04040404...
 *   leaves sorted by commitment: 0 padding (0), 1 carol (7), 2 bob (2500000000), 3 alice (150000000)
 *   leaf hashes: dfe04997..., 049e0911..., 6ab4d2cd..., b04ecd38...
 *   level 1: H(01 || leaf0 || u128(0) || leaf1 || u128(7)) = 99f363f7..., sum 7
 *            H(01 || leaf2 || u128(2500000000) || leaf3 || u128(150000000)) = bfc71778..., sum 2650000000
 *   root:    H(01 || ... ) = 2112348f..., sum 2650000007
 * </pre>
 */
class EpochTreeTest {
    static final String ROOT = "2112348f19c4c26d0720d23780048d56595cdd057ed2c7e91c0163c6460546aa";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EpochTree tree = EpochTree.build(List.of(
            new AccountLiability("alice", BigInteger.valueOf(150_000_000), BigInteger.ZERO),
            new AccountLiability("bob", BigInteger.valueOf(2_500_000_000L), BigInteger.ZERO),
            new AccountLiability("carol", BigInteger.valueOf(7), BigInteger.ZERO)), new ScriptedRandom());

    @Test
    void theRootIsTheHandComputedOne() {
        assertThat(tree.tree().root()).isEqualTo(new SumNode(ROOT, BigInteger.valueOf(2_650_000_007L)));
        assertThat(tree.tree().depth()).isEqualTo(2);
        assertThat(tree.tree().node(0, 0).hash()).isEqualTo("dfe049973f2d1386a89fd7d2a2c05466f9ec38b2991d4c0f6da2843b15246f44");
        assertThat(tree.accounts()).extracting(PlacedAccount::accountId, PlacedAccount::leafIndex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("carol", 1), org.assertj.core.groups.Tuple.tuple("bob", 2),
                        org.assertj.core.groups.Tuple.tuple("alice", 3));
    }

    @Test
    void aliceGetsHerSaltLeafAndSiblings() {
        InclusionProof proof = tree.proof(5, "alice").orElseThrow();
        assertThat(proof.salt()).isEqualTo("01".repeat(32));
        assertThat(proof.accountCommitment()).isEqualTo("dcae218b0b2f7a756676e9c8b78f8267909c2c20f78d764c29a696363fc8078e");
        assertThat(proof.path()).containsExactly(
                new Sibling(Sibling.Side.L, "6ab4d2cde16a73ce6fe61ebf28f5b635aed335c4cdf346b5c828f17c6315de2d",
                        BigInteger.valueOf(2_500_000_000L)),
                new Sibling(Sibling.Side.L, "99f363f734420e95feba63905d74b3541c70386965eb72fbe8ada8cc434b96ff",
                        BigInteger.valueOf(7)));
        assertThat(tree.proof(5, "carol").orElseThrow().path()).containsExactly(
                new Sibling(Sibling.Side.L, "dfe049973f2d1386a89fd7d2a2c05466f9ec38b2991d4c0f6da2843b15246f44", BigInteger.ZERO),
                new Sibling(Sibling.Side.R, "bfc71778b1e751de2fd5cae8a5dc10ff9c091dccbef741318e97aaba4c6764df",
                        BigInteger.valueOf(2_650_000_000L)));
        assertThat(tree.proof(5, "dave")).isEmpty();
    }

    @Test
    void theProofsJsonIsTheFormatAndTheIndependentVerifierAcceptsIt() throws Exception {
        String json = JSON.writeValueAsString(tree.proof(1, "alice").orElseThrow());
        assertThat(json).isEqualTo("{\"epoch\":1,\"accountId\":\"alice\",\"salt\":\"" + "01".repeat(32) + "\","
                + "\"liability\":\"150000000\",\"accountCommitment\":\"dcae218b0b2f7a756676e9c8b78f8267909c2c20f78d764c29a696363fc8078e\","
                + "\"path\":[{\"side\":\"L\",\"hash\":\"6ab4d2cde16a73ce6fe61ebf28f5b635aed335c4cdf346b5c828f17c6315de2d\",\"sum\":\"2500000000\"},"
                + "{\"side\":\"L\",\"hash\":\"99f363f734420e95feba63905d74b3541c70386965eb72fbe8ada8cc434b96ff\",\"sum\":\"7\"}],"
                + "\"root\":{\"hash\":\"" + ROOT + "\",\"sum\":\"2650000007\"}}");
        for (String account : List.of("alice", "bob", "carol")) {
            String proof = JSON.writeValueAsString(tree.proof(1, account).orElseThrow());
            assertThat(InclusionCheck.againstRoot(proof, ROOT).passed()).as(account).isTrue();
        }
    }

    @Test
    void everyAccountOfARandomTreeVerifiesAndTheRootSumIsTheTotal() throws Exception {
        List<AccountLiability> owed = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < 1000; i++) {
            BigInteger liability = BigInteger.valueOf(i * 1_234_567L);
            owed.add(new AccountLiability("acct-" + i, liability, BigInteger.ZERO));
            total = total.add(liability);
        }
        EpochTree random = EpochTree.build(owed, new SecureRandom());
        assertThat(random.tree().leafCount()).isEqualTo(1024);
        assertThat(random.tree().root().sum()).isEqualTo(total);
        for (AccountLiability account : owed) {
            String proof = JSON.writeValueAsString(random.proof(7, account.accountId()).orElseThrow());
            assertThat(InclusionCheck.againstRoot(proof, random.tree().root().hash()).passed()).isTrue();
        }
    }

    @Test
    void theWidthIsTheSmallestPowerOfTwoThatHoldsTheAccounts() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 1000, 1024, 1025)).extracting(LeafOrder::widthFor)
                .containsExactly(1, 1, 2, 4, 4, 8, 1024, 1024, 2048);
    }
}
