package com.deleverage.solvency.tree;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleSumTreeTest {
    private static final byte[] ZEROS = new byte[32];

    @Test
    void aSumBeyond128BitsIsAnErrorNotAWrap() {
        Leaf max = new Leaf(ZEROS, U128.MAX);
        Leaf one = new Leaf(ZEROS, BigInteger.ONE);
        assertThatThrownBy(() -> MerkleSumTree.build(List.of(max, one)))
                .isInstanceOf(AmountOverflowException.class)
                .hasMessage("the sum 340282366920938463463374607431768211455 + 1 exceeds 2^128 - 1");
        assertThatThrownBy(() -> MerkleSumTree.build(List.of(new Leaf(ZEROS, U128.MAX.add(BigInteger.ONE)))))
                .isInstanceOf(AmountOverflowException.class)
                .hasMessage("liability 340282366920938463463374607431768211456 is outside 0 to 2^128 - 1");
        assertThatThrownBy(() -> MerkleSumTree.build(List.of(new Leaf(ZEROS, BigInteger.valueOf(-1)))))
                .isInstanceOf(AmountOverflowException.class);
        // Exactly 2^128 - 1 in total is still a tree.
        assertThat(MerkleSumTree.build(List.of(max, new Leaf(ZEROS, BigInteger.ZERO))).root().sum()).isEqualTo(U128.MAX);
    }

    @Test
    void amountsAreSixteenBytesBigEndian() {
        byte[] out = new byte[16];
        U128.write(U128.MAX, out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("ff".repeat(16));
        U128.write(BigInteger.ONE.shiftLeft(127), out, 0); // top bit set: BigInteger adds a sign byte we drop
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("80" + "00".repeat(15));
        U128.write(BigInteger.valueOf(150_000_000), out, 0); // 150000000 = 0x08f0d180
        assertThat(HexFormat.of().formatHex(out)).isEqualTo("00".repeat(12) + "08f0d180");
    }

    @Test
    void onlyAPowerOfTwoOfLeavesMakesATree() {
        Leaf leaf = new Leaf(ZEROS, BigInteger.ONE);
        assertThatThrownBy(() -> MerkleSumTree.build(List.of(leaf, leaf, leaf))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleSumTree.build(List.of())).isInstanceOf(IllegalArgumentException.class);
        MerkleSumTree single = MerkleSumTree.build(List.of(leaf));
        assertThat(single.depth()).isZero();
        assertThat(single.path(0)).isEmpty();
    }
}
