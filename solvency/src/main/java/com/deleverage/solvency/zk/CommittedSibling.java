package com.deleverage.solvency.zk;

import com.deleverage.solvency.tree.Sibling;

/**
 * One step of a zero-knowledge inclusion proof: the node beside the path at one level.
 *
 * @param side the sibling's side: {@code L} when it is the left child of the parent, {@code R} the right
 */
public record CommittedSibling(Sibling.Side side, String hash, String commitment) {
}
