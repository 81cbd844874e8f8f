package com.deleverage.solvency.zk;

import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.solvency.epoch.LeafOrder;
import com.deleverage.solvency.tree.AmountOverflowException;
import com.deleverage.verifier.RangeCheck;
import com.deleverage.verifier.SolvencyCheck;
import com.deleverage.verifier.Verdict;
import com.deleverage.verifier.zk.RangeProof;
import com.deleverage.verifier.zk.Secp256k1;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A step-2 epoch end to end through the account holders' verifier (its RangeCheck and SolvencyCheck, as the
 * {@code verify-range} and {@code verify-solvency} commands run them): honest proofs pass; an altered sibling,
 * root, liability or blinding, a node that is not the sum of its children and a claim of solvency beyond the
 * reserves fail; and two books of the same shape publish data of the same structure and sizes.
 */
class ZkEpochTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final RangeProver prover = new RangeProver(random);

    /** Distinctive amounts, so a leak would be found by searching the published text for them. */
    private static final List<AccountLiability> BOOK = List.of(
            owed("alice", 123_456_789_012L), owed("bob", 987_654_321_098L), owed("carol", 7),
            owed("dave", 0), owed("erin", 555_444_333_222L));

    @Test
    void everyAccountsProofVerifiesAgainstTheRootAndTheEpoch() throws Exception {
        ZkEpochTree tree = ZkEpochTree.build(BOOK, random);
        assertThat(tree.tree().depth()).isEqualTo(3); // 5 accounts, 8 leaves
        String root = tree.tree().root().hash();
        String epoch = epochJson(tree, "20000");
        for (AccountLiability account : BOOK) {
            String proof = JSON.writeValueAsString(tree.proof(1, account.accountId(), prover).orElseThrow());
            assertPass(RangeCheck.againstRoot(proof, root));
            assertPass(RangeCheck.againstEpoch(proof, epoch));
        }
        assertThat(tree.proof(1, "mallory", prover)).isEmpty();
    }

    @Test
    void theSolvencyClaimVerifiesWithoutTheTotal() throws Exception {
        ZkEpochTree tree = ZkEpochTree.build(BOOK, random);
        // Total 1,666,555,443,339 units = 16,665.55443339 USDT: reserves of exactly that, and of 20,000, cover it.
        assertPass(SolvencyCheck.verify(epochJson(tree, "16665.55443339"), tree.tree().root().hash()));
        Verdict verdict = SolvencyCheck.verify(epochJson(tree, "20000"), null);
        assertPass(verdict);
        assertThat(String.join("\n", verdict.lines())).doesNotContain("1666555443339", "16665.55443339");
    }

    @Test
    void liabilitiesAboveTheReservesCannotBeClaimedSolvent() throws Exception {
        ZkEpochTree tree = ZkEpochTree.build(BOOK, random);
        BigInteger oneUnitShort = BigInteger.valueOf(1_666_555_443_338L);
        assertThatThrownBy(() -> tree.solvencyProof(oneUnitShort, prover))
                .isInstanceOf(IllegalArgumentException.class);
        // A venue that forges it anyway: reserve − L = −1 is committed as n − 1, whose bits do not add up.
        Opening root = tree.tree().opening(tree.tree().depth(), 0);
        RangeProof forged = prover.proveUnchecked(List.of(root, new Opening(oneUnitShort.subtract(root.value()),
                        root.blinding().negate().mod(Secp256k1.ORDER))),
                com.deleverage.verifier.zk.CommitmentTree.solvencyContext(java.util.HexFormat.of().parseHex(tree.tree().root().hash()), oneUnitShort));
        Verdict verdict = SolvencyCheck.verify(epochJson(tree, "16665.55443338", forged), null);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lines().getLast()).startsWith("FAIL: the range proof's");
        // The honest proof for 20,000 does not carry over to another reserve: the reserve is in the statement.
        RangeProof for20000 = tree.solvencyProof(BigInteger.valueOf(2_000_000_000_000L), prover);
        assertThat(SolvencyCheck.verify(epochJson(tree, "16665.55443338", for20000), null).passed()).isFalse();
        assertThat(SolvencyCheck.verify(epochJson(tree, "30000", for20000), null).passed()).isFalse();
    }

    @Test
    void anyAlteredPartOfAProofIsRejected() throws Exception {
        ZkEpochTree tree = ZkEpochTree.build(BOOK, random);
        ZkEpochTree other = ZkEpochTree.build(BOOK, random);
        String root = tree.tree().root().hash();
        ObjectNode proof = JSON.valueToTree(tree.proof(1, "alice", prover).orElseThrow());
        String foreignPoint = other.tree().node(1, 0).commitment();
        Map<String, java.util.function.Consumer<ObjectNode>> alterations = new LinkedHashMap<>();
        alterations.put("sibling commitment", p -> ((ObjectNode) p.get("path").get(1)).put("commitment", foreignPoint));
        alterations.put("sibling hash", p -> ((ObjectNode) p.get("path").get(0)).put("hash", flip(p.get("path").get(0).get("hash").asText())));
        alterations.put("sibling side", p -> ((ObjectNode) p.get("path").get(2)).put("side",
                p.get("path").get(2).get("side").asText().equals("L") ? "R" : "L"));
        alterations.put("root hash", p -> ((ObjectNode) p.get("root")).put("hash", flip(root)));
        alterations.put("root commitment", p -> ((ObjectNode) p.get("root")).put("commitment", foreignPoint));
        alterations.put("liability", p -> p.put("liability", "123456789013"));
        alterations.put("blinding", p -> p.put("blinding", Secp256k1.hex(new BigInteger(p.get("blinding").asText(), 16)
                .add(BigInteger.ONE).mod(Secp256k1.ORDER))));
        alterations.put("range proof T1", p -> ((ObjectNode) p.get("rangeProof")).put("T1", foreignPoint));
        alterations.put("range proof a", p -> ((ObjectNode) p.get("rangeProof")).put("a", p.get("rangeProof").get("b").asText()));
        alterations.put("another account's range proof", p -> p.set("rangeProof",
                JSON.valueToTree(tree.proof(1, "bob", prover).orElseThrow().rangeProof())));
        for (var alteration : alterations.entrySet()) {
            ObjectNode altered = proof.deepCopy();
            alteration.getValue().accept(altered);
            Verdict verdict = RangeCheck.againstRoot(JSON.writeValueAsString(altered), root);
            assertThat(verdict.passed()).as(alteration.getKey()).isFalse();
        }
        assertPass(RangeCheck.againstRoot(JSON.writeValueAsString(proof), root));
        assertThat(RangeCheck.againstRoot(JSON.writeValueAsString(proof), other.tree().root().hash()).passed()).isFalse();
    }

    @Test
    void aNodeThatIsNotTheSumOfItsChildrenIsCaught() throws Exception {
        // A venue that hides 1,000 units of bob's: his leaf committed honestly, the level-1 node above him built
        // from a commitment to 1,000 less. Everything above it is hashed honestly from that node.
        List<AccountLiability> two = List.of(owed("alice", 5_000), owed("bob", 3_000));
        ZkEpochTree honest = ZkEpochTree.build(two, random);
        CommittedTree tree = honest.tree();
        int bob = honest.accounts().stream().filter(a -> a.accountId().equals("bob")).findFirst().orElseThrow().leafIndex();
        Opening bobsLeaf = tree.opening(0, bob);
        byte[] bobsAccountCommitment = java.util.HexFormat.of().parseHex(honest.accounts().get(bob).commitment());
        Opening understated = new Opening(bobsLeaf.value().subtract(BigInteger.valueOf(1_000)), bobsLeaf.blinding());
        byte[] lyingLeafHash = com.deleverage.verifier.zk.CommitmentTree.leaf(bobsAccountCommitment, understated.commitment());
        // Root over alice's honest leaf and the understated one: what bob's proof would have to lead to.
        int alice = 1 - bob;
        byte[] aliceHash = java.util.HexFormat.of().parseHex(tree.node(0, alice).hash());
        byte[] lyingRoot = bob == 1
                ? com.deleverage.verifier.zk.CommitmentTree.node(aliceHash, tree.opening(0, alice).commitment(), lyingLeafHash, understated.commitment())
                : com.deleverage.verifier.zk.CommitmentTree.node(lyingLeafHash, understated.commitment(), aliceHash, tree.opening(0, alice).commitment());
        String bobsProof = JSON.writeValueAsString(honest.proof(1, "bob", prover).orElseThrow());
        Verdict verdict = RangeCheck.againstRoot(bobsProof, java.util.HexFormat.of().formatHex(lyingRoot));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lines().getLast()).contains("not to the published root");
    }

    @Test
    void liabilitiesBeyondTwoTo64AreRefused() {
        assertThatThrownBy(() -> ZkEpochTree.build(List.of(new AccountLiability("whale", BigInteger.ONE.shiftLeft(64),
                BigInteger.ZERO)), random)).isInstanceOf(AmountOverflowException.class);
        assertThatThrownBy(() -> ZkEpochTree.build(List.of(owed("a", Long.MAX_VALUE), owed("b", Long.MAX_VALUE),
                owed("c", 2)), random)).isInstanceOf(AmountOverflowException.class).hasMessageContaining("level");
    }

    @Test
    void twoBooksOfTheSameShapePublishTheSameStructureAndNoAmounts() throws Exception {
        List<AccountLiability> otherBalances = List.of(owed("alice", 1), owed("bob", 0), owed("carol", 44_000_000_000L),
                owed("dave", 18_000_000_000_000L), owed("erin", 3));
        ZkEpochTree first = ZkEpochTree.build(BOOK, random);
        ZkEpochTree second = ZkEpochTree.build(otherBalances, random);
        assertThat(shape(JSON.readTree(epochJson(first, "20000")))).isEqualTo(shape(JSON.readTree(epochJson(second, "200000"))));
        for (AccountLiability account : BOOK) {
            JsonNode a = JSON.valueToTree(first.proof(1, account.accountId(), prover).orElseThrow());
            JsonNode b = JSON.valueToTree(second.proof(1, account.accountId(), prover).orElseThrow());
            ((ObjectNode) a).remove("liability"); // the holder's own amount, the one thing that is theirs to see
            ((ObjectNode) b).remove("liability");
            assertThat(shape(a)).isEqualTo(shape(b));
            String text = a.toString();
            for (AccountLiability other : BOOK) {
                if (!other.equals(account) && other.liability().compareTo(BigInteger.valueOf(1_000)) > 0) {
                    assertThat(text).doesNotContain(other.liability().toString(), other.liability().toString(16));
                }
            }
            assertThat(text).doesNotContain("1666555443339", Long.toHexString(1_666_555_443_339L));
        }
    }

    /** Every key, array length and string length of a JSON value, in order: what an observer can tell apart. */
    private static List<String> shape(JsonNode node) {
        List<String> shape = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                shape.add("key " + field.getKey());
                if (!field.getKey().equals("reserves")) {
                    shape.addAll(shape(field.getValue()));
                }
            }
        } else if (node.isArray()) {
            shape.add("array " + node.size());
            node.forEach(element -> shape.addAll(shape(element)));
        } else if (node.isTextual()) {
            shape.add("text " + node.asText().length());
        } else {
            shape.add(node.getNodeType().name());
        }
        return shape;
    }

    private String epochJson(ZkEpochTree tree, String reserve) throws Exception {
        BigInteger units = new java.math.BigDecimal(reserve).movePointRight(8).toBigIntegerExact();
        return epochJson(tree, reserve, tree.solvencyProof(units, prover));
    }

    private String epochJson(ZkEpochTree tree, String reserve, RangeProof proof) throws Exception {
        Map<String, Object> epoch = new LinkedHashMap<>();
        epoch.put("epoch", 1);
        epoch.put("asOf", "2025-10-10T21:15:00Z");
        epoch.put("root", tree.tree().root());
        epoch.put("reserves", Map.of("USDT", reserve));
        epoch.put("accountCount", tree.accounts().size());
        epoch.put("solvent", true);
        epoch.put("solvencyProof", proof.toFile());
        return JSON.writeValueAsString(epoch);
    }

    private static void assertPass(Verdict verdict) {
        assertThat(verdict.passed()).as(String.join("\n", verdict.lines())).isTrue();
    }

    private static String flip(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }

    private static AccountLiability owed(String id, long units) {
        return new AccountLiability(id, BigInteger.valueOf(units), BigInteger.ZERO);
    }

    @Test
    void paddingIsCommittedLikeAnAccountOwedNothing() {
        ZkEpochTree tree = ZkEpochTree.build(BOOK, random);
        assertThat(tree.tree().leafCount()).isEqualTo(LeafOrder.widthFor(BOOK.size()));
        // Blindings are fresh: no two leaves share a commitment, not even the three owed 0 (dave and 3 paddings).
        List<String> leaves = new ArrayList<>();
        for (int i = 0; i < tree.tree().leafCount(); i++) {
            leaves.add(tree.tree().node(0, i).commitment());
        }
        assertThat(leaves).doesNotHaveDuplicates();
    }
}
