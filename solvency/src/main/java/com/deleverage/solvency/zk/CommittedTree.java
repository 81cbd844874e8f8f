package com.deleverage.solvency.zk;

import com.deleverage.solvency.tree.AmountOverflowException;
import com.deleverage.solvency.tree.NodePosition;
import com.deleverage.verifier.zk.CommitmentTree;
import com.deleverage.verifier.zk.Secp256k1;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

/**
 * A Merkle tree of Pedersen commitments over a power-of-two number of leaves (step 2): a parent's commitment is
 * the sum of its children's, its hash binds both children's hashes and commitments. The venue's side keeps every
 * node's opening too, so it can prove any path's range.
 */
public final class CommittedTree {
    /** The largest value a node may hold: the range proofs show [0, 2^64). */
    public static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[][][] hashes;
    private final ECPoint[][] commitments;
    private final Opening[][] openings;

    private CommittedTree(byte[][][] hashes, ECPoint[][] commitments, Opening[][] openings) {
        this.hashes = hashes;
        this.commitments = commitments;
        this.openings = openings;
    }

    /** A leaf before hashing: an account's commitment (or random bytes for padding) and the opening of its value. */
    public record Leaf(byte[] accountCommitment, Opening opening) {
    }

    /**
     * @throws IllegalArgumentException the number of leaves is not a power of two
     * @throws AmountOverflowException  a value, or the sum under a node, is not below 2^64
     */
    public static CommittedTree build(List<Leaf> leaves) {
        int width = requirePowerOfTwo(leaves.size());
        byte[][] hashes = new byte[width][];
        Opening[] openings = new Opening[width];
        ECPoint[] commitments = new ECPoint[width];
        for (int i = 0; i < width; i++) {
            openings[i] = requireInRange(leaves.get(i).opening(), "liability");
            commitments[i] = openings[i].commitment();
            hashes[i] = CommitmentTree.leaf(leaves.get(i).accountCommitment(), commitments[i]);
        }
        return upwards(hashes, commitments, openings);
    }

    /**
     * The tree over leaves already hashed (as stored), with their openings: rebuilds every commitment from its
     * opening and every level above, so stored commitments, nodes and a stored root can be checked against it.
     */
    public static CommittedTree overLeafHashes(List<byte[]> leafHashes, List<Opening> leafOpenings) {
        int width = requirePowerOfTwo(leafHashes.size());
        Opening[] openings = new Opening[width];
        ECPoint[] commitments = new ECPoint[width];
        for (int i = 0; i < width; i++) {
            openings[i] = requireInRange(leafOpenings.get(i), "liability");
            commitments[i] = openings[i].commitment();
        }
        return upwards(leafHashes.toArray(byte[][]::new), commitments, openings);
    }

    private static int requirePowerOfTwo(int width) {
        if (width == 0 || Integer.bitCount(width) != 1) {
            throw new IllegalArgumentException("a tree needs a power of two of leaves, not " + width);
        }
        return width;
    }

    private static CommittedTree upwards(byte[][] leafHashes, ECPoint[] leafCommitments, Opening[] leafOpenings) {
        int width = leafHashes.length;
        int depth = Integer.numberOfTrailingZeros(width);
        byte[][][] hashes = new byte[depth + 1][][];
        ECPoint[][] commitments = new ECPoint[depth + 1][];
        Opening[][] openings = new Opening[depth + 1][];
        hashes[0] = leafHashes;
        commitments[0] = leafCommitments;
        openings[0] = leafOpenings;
        for (int level = 1; level <= depth; level++) {
            int levelWidth = width >>> level;
            hashes[level] = new byte[levelWidth][];
            commitments[level] = new ECPoint[levelWidth];
            openings[level] = new Opening[levelWidth];
            ECPoint[] below = commitments[level - 1];
            for (int i = 0; i < levelWidth; i++) {
                openings[level][i] = requireInRange(openings[level - 1][2 * i].plus(openings[level - 1][2 * i + 1]),
                        "the sum at level " + level);
                commitments[level][i] = below[2 * i].add(below[2 * i + 1]);
            }
            Secp256k1.CURVE.normalizeAll(commitments[level]);
            for (int i = 0; i < levelWidth; i++) {
                hashes[level][i] = CommitmentTree.node(hashes[level - 1][2 * i], below[2 * i],
                        hashes[level - 1][2 * i + 1], below[2 * i + 1]);
            }
        }
        return new CommittedTree(hashes, commitments, openings);
    }

    private static Opening requireInRange(Opening opening, String what) {
        if (opening.value().signum() < 0 || opening.value().compareTo(MAX_VALUE) > 0) {
            throw new AmountOverflowException(what + " " + opening.value() + " is not from 0 to 2^64 - 1 units: a "
                    + "zero-knowledge epoch cannot prove it in range");
        }
        return opening;
    }

    public int depth() {
        return hashes.length - 1;
    }

    public int leafCount() {
        return hashes[0].length;
    }

    public CommittedNode root() {
        return node(depth(), 0);
    }

    public CommittedNode node(int level, int index) {
        return new CommittedNode(HEX.formatHex(hashes[level][index]), Secp256k1.hex(commitments[level][index]));
    }

    public Opening opening(int level, int index) {
        return openings[level][index];
    }

    /** The siblings from leaf {@code leafIndex}'s level up to the root's children. */
    public List<CommittedSibling> path(int leafIndex) {
        return NodePosition.siblingsOf(leafIndex, depth()).stream().map(p -> {
            CommittedNode node = node(p.level(), p.index());
            return new CommittedSibling(p.side(), node.hash(), node.commitment());
        }).toList();
    }
}
