package com.deleverage.solvency.tree;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigInteger;

/**
 * One step of an inclusion proof: the node beside the path at one level.
 *
 * @param side the sibling's side: {@code L} when it is the left child of the parent, {@code R} the right
 * @param hash its hash, 64 lower-case hex digits
 * @param sum  its sum, in units of 10^-8
 */
public record Sibling(Side side, String hash, @JsonFormat(shape = JsonFormat.Shape.STRING) BigInteger sum) {
    /** Which child of its parent a sibling is. */
    public enum Side {
        L, R
    }
}
