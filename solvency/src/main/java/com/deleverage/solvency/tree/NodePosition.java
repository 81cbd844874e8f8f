package com.deleverage.solvency.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a node sits: its level (0 = the leaves) and its index within the level, from the left.
 *
 * @param side the side it takes under its parent
 */
public record NodePosition(int level, int index, Sibling.Side side) {
    /** The siblings of the path from leaf {@code leafIndex} up to the root of a tree {@code depth} levels high. */
    public static List<NodePosition> siblingsOf(int leafIndex, int depth) {
        List<NodePosition> siblings = new ArrayList<>(depth);
        for (int level = 0; level < depth; level++) {
            int sibling = (leafIndex >>> level) ^ 1;
            siblings.add(new NodePosition(level, sibling, (sibling & 1) == 0 ? Sibling.Side.L : Sibling.Side.R));
        }
        return siblings;
    }
}
