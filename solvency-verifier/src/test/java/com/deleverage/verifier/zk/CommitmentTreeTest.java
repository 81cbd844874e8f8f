package com.deleverage.verifier.zk;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/solvency.md, step 2 (alice 1.5, bob 25, carol 0.00000007 USDT with blindings 1, 2, 3
 * and a padding leaf with commitment 04…04 and blinding 4), every value computed with Python from the document
 * alone (hashlib and affine secp256k1 arithmetic), not with this code.
 */
class CommitmentTreeTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theWorkedExampleOfTheDocument() {
        ECPoint alice = CommitmentTree.commit(BigInteger.valueOf(150_000_000), BigInteger.ONE);
        ECPoint bob = CommitmentTree.commit(BigInteger.valueOf(2_500_000_000L), BigInteger.TWO);
        ECPoint carol = CommitmentTree.commit(BigInteger.valueOf(7), BigInteger.valueOf(3));
        ECPoint padding = CommitmentTree.commit(BigInteger.ZERO, BigInteger.valueOf(4));
        assertThat(Secp256k1.hex(bob)).isEqualTo("033cb56f8197e397dbb33a6a473ec911a33d11d566bd9d9b7a2f8df81da8441457");
        assertThat(Secp256k1.hex(padding)).isEqualTo("02ffeab7ca3b092b82d18649f6424d18c7a45d4153b106d823c27649c006154743");

        byte[] aliceLeaf = CommitmentTree.leaf(HEX.parseHex("dcae218b0b2f7a756676e9c8b78f8267909c2c20f78d764c29a696363fc8078e"), alice);
        byte[] bobLeaf = CommitmentTree.leaf(HEX.parseHex("a23d2bd1ed8037f7998eeeb8bae1c9ba00a1483a859aea8a7aa8420545facd49"), bob);
        byte[] carolLeaf = CommitmentTree.leaf(HEX.parseHex("28026ede066e756b30a0e6e9995c2d14369260ec635173c7e0e690f0880b186e"), carol);
        byte[] paddingLeaf = CommitmentTree.leaf(HEX.parseHex("04".repeat(32)), padding);
        assertThat(HEX.formatHex(aliceLeaf)).isEqualTo("e7d8e0ec0a5a01424c68704e3239fac15f42aa9ea53a5d3290c0ae1621c4dd71");
        assertThat(HEX.formatHex(paddingLeaf)).isEqualTo("12c41002a3ff61d8138e039ccee8f24bcd40e9c2058bf751cd825a38e4831614");

        // Sorted by account commitment: padding (04…), carol (28…), bob (a2…), alice (dc…).
        byte[] left = CommitmentTree.node(paddingLeaf, padding, carolLeaf, carol);
        byte[] right = CommitmentTree.node(bobLeaf, bob, aliceLeaf, alice);
        assertThat(HEX.formatHex(left)).isEqualTo("69bc52ad68ae354fbe8f9aa0cb348f8c4c0b41afc839947f19d4194b83c341ef");
        assertThat(HEX.formatHex(right)).isEqualTo("b7660da9ec4e4cf3019960bfbd5d9f37e7c0ed8eef6cc201c8ee6a4b9b3f201d");
        ECPoint leftSum = padding.add(carol).normalize();
        ECPoint rightSum = bob.add(alice).normalize();
        assertThat(Secp256k1.hex(leftSum)).isEqualTo("02772f174f23eb95dc4015de00e230a2a69da14384b7fa70fce4b756dbf80280fb");
        byte[] root = CommitmentTree.node(left, leftSum, right, rightSum);
        ECPoint rootCommitment = leftSum.add(rightSum).normalize();
        assertThat(HEX.formatHex(root)).isEqualTo("fa6da8f05c35f252c7e98e7b0b7118e9299c2756af0da87e43cc9ece484d5ece");
        assertThat(Secp256k1.hex(rootCommitment))
                .isEqualTo("023763bb83d7278af40ab867d1840f288b22a82af31d8eb4a8699f077d7e1a1a69");
        // The root commits to the total 2650000007 with the sum of the blindings, 10.
        assertThat(rootCommitment).isEqualTo(CommitmentTree.commit(BigInteger.valueOf(2_650_000_007L), BigInteger.TEN));
        // Reserves of 27 USDT: the surplus commitment 2700000000·G − C_root.
        assertThat(Secp256k1.hex(CommitmentTree.surplus(BigInteger.valueOf(2_700_000_000L), rootCommitment)))
                .isEqualTo("0224651686ddb1cd3a8778d15eb0c0225c98533047f895e1dbdc60d67826ccf7b7");
    }
}
