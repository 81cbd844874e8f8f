package com.deleverage.solvency.tree;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigInteger;

/**
 * A node of the tree as the format writes it.
 *
 * @param hash 64 lower-case hex digits
 * @param sum  the liabilities below it, in units of 10^-8
 */
public record SumNode(String hash, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger sum) {
}
