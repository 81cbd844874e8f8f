package com.deleverage.solvency.tree;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/**
 * A Merkle-sum tree over a power-of-two number of leaves, in the order given. Every node is kept (hashes
 * packed 32 bytes apiece per level), so any path can be read without hashing again.
 */
public final class MerkleSumTree {
    private static final HexFormat HEX = HexFormat.of();

    /** {@code hashes[level]}: the level's hashes, 32 bytes each, left to right; level 0 holds the leaves. */
    private final byte[][] hashes;
    private final BigInteger[][] sums;

    private MerkleSumTree(byte[][] hashes, BigInteger[][] sums) {
        this.hashes = hashes;
        this.sums = sums;
    }

    /**
     * Hashes the leaves and every level above them.
     *
     * @throws IllegalArgumentException the number of leaves is not a power of two
     * @throws AmountOverflowException  a liability or a sum does not fit 128 bits
     */
    public static MerkleSumTree build(List<Leaf> leaves) {
        int width = requirePowerOfTwo(leaves.size());
        SumTreeHash hash = new SumTreeHash();
        byte[] hashes = new byte[width * SumTreeHash.HASH_BYTES];
        BigInteger[] sums = new BigInteger[width];
        for (int i = 0; i < width; i++) {
            Leaf leaf = leaves.get(i);
            sums[i] = U128.require(leaf.liability(), "liability");
            System.arraycopy(hash.leaf(leaf.commitment(), leaf.liability()), 0, hashes, i * SumTreeHash.HASH_BYTES,
                    SumTreeHash.HASH_BYTES);
        }
        return upwards(hashes, sums, hash);
    }

    /**
     * The tree over leaves already hashed (as stored): rebuilds every level above them, so stored inner nodes
     * and a stored root can be checked against what their leaves give.
     */
    public static MerkleSumTree overLeafNodes(List<SumNode> leaves) {
        int width = requirePowerOfTwo(leaves.size());
        byte[] hashes = new byte[width * SumTreeHash.HASH_BYTES];
        BigInteger[] sums = new BigInteger[width];
        for (int i = 0; i < width; i++) {
            SumNode leaf = leaves.get(i);
            sums[i] = U128.require(leaf.sum(), "liability");
            byte[] leafHash = HEX.parseHex(leaf.hash());
            if (leafHash.length != SumTreeHash.HASH_BYTES) {
                throw new IllegalArgumentException("leaf " + i + "'s hash is not 32 bytes: " + leaf.hash());
            }
            System.arraycopy(leafHash, 0, hashes, i * SumTreeHash.HASH_BYTES, SumTreeHash.HASH_BYTES);
        }
        return upwards(hashes, sums, new SumTreeHash());
    }

    private static int requirePowerOfTwo(int width) {
        if (width == 0 || Integer.bitCount(width) != 1) {
            throw new IllegalArgumentException("a tree needs a power of two of leaves, not " + width);
        }
        return width;
    }

    private static MerkleSumTree upwards(byte[] leafHashes, BigInteger[] leafSums, SumTreeHash hash) {
        int width = leafSums.length;
        int depth = Integer.numberOfTrailingZeros(width);
        byte[][] hashes = new byte[depth + 1][];
        BigInteger[][] sums = new BigInteger[depth + 1][];
        hashes[0] = leafHashes;
        sums[0] = leafSums;
        for (int level = 1; level <= depth; level++) {
            int levelWidth = width >>> level;
            byte[] below = hashes[level - 1];
            BigInteger[] belowSums = sums[level - 1];
            hashes[level] = new byte[levelWidth * SumTreeHash.HASH_BYTES];
            sums[level] = new BigInteger[levelWidth];
            for (int i = 0; i < levelWidth; i++) {
                BigInteger left = belowSums[2 * i];
                BigInteger right = belowSums[2 * i + 1];
                sums[level][i] = U128.add(left, right);
                hash.node(below, 2 * i * SumTreeHash.HASH_BYTES, left, (2 * i + 1) * SumTreeHash.HASH_BYTES, right,
                        hashes[level], i * SumTreeHash.HASH_BYTES);
            }
        }
        return new MerkleSumTree(hashes, sums);
    }

    /** Levels above the leaves: the length of every inclusion path. */
    public int depth() {
        return hashes.length - 1;
    }

    public int leafCount() {
        return sums[0].length;
    }

    public SumNode root() {
        return node(depth(), 0);
    }

    public SumNode node(int level, int index) {
        int at = index * SumTreeHash.HASH_BYTES;
        return new SumNode(HEX.formatHex(hashes[level], at, at + SumTreeHash.HASH_BYTES), sums[level][index]);
    }

    /** The siblings from leaf {@code leafIndex}'s level up to the root's children. */
    public List<Sibling> path(int leafIndex) {
        return NodePosition.siblingsOf(leafIndex, depth()).stream().map(p -> {
            SumNode node = node(p.level(), p.index());
            return new Sibling(p.side(), node.hash(), node.sum());
        }).toList();
    }
}
