package com.deleverage.solvency.zk;

/**
 * A node of a step-2 tree as the format writes it.
 *
 * @param hash       64 lower-case hex digits
 * @param commitment the Pedersen commitment to the liabilities below it: 66 lower-case hex digits
 */
public record CommittedNode(String hash, String commitment) {
}
