package com.deleverage.solvency.tree;

import java.math.BigInteger;

/**
 * A leaf before hashing.
 *
 * @param commitment 32 bytes: an account's commitment, or random bytes for a padding leaf
 * @param liability  in units of 10^-8 (0 for padding)
 */
public record Leaf(byte[] commitment, BigInteger liability) {
}
