package com.deleverage.admin.dryrun;

import com.deleverage.engine.compare.DecisionDiff;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link DecisionDiff} as JSON: {@code added}, {@code removed}, {@code changed} (before/after) and {@code accounts}. */
public final class DiffView {
    private DiffView() {
    }

    public static ObjectNode of(DecisionDiff diff) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("identical", diff.isEmpty());
        diff.added().forEach(node.putArray("added")::add);
        diff.removed().forEach(node.putArray("removed")::add);
        var changed = node.putArray("changed");
        diff.changed().forEach(c -> changed.addObject().<ObjectNode>set("before", c.before()).set("after", c.after()));
        diff.accounts().forEach(node.putArray("accounts")::add);
        return node;
    }
}
