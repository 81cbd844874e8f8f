package com.deleverage.streaming;

import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.DecisionView;
import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One record of the decisions topic: the actions in force for one key (an account, or a market for the actions
 * about a market as a whole) after a tick, whenever they differ from the key's previous record. An empty list says
 * that the key's earlier actions no longer hold.
 *
 * @param tickId the tick that decided it: the topic, partition and offset of the tick's last market event, the
 *               same whichever node decides it
 */
record DecisionMessage(String key, Scope scope, String tickId, String ruleSet, int version, String versionHash,
                       Instant asOf, List<DecidedAction> actions) {
    enum Scope { ACCOUNT, MARKET, SETTLEMENT }

    /** A settlement's key: the market, a slash, the account (market symbols hold no slash). */
    static String settlementKey(String symbol, String account) {
        return symbol + "/" + account;
    }

    DecisionMessage {
        actions = List.copyOf(actions);
    }

    /** Derived from the tick and the key, so a decision made again after a restart has the id it had. */
    String decisionId() {
        return UUID.nameUUIDFromBytes((ruleSet + "/" + tickId + "/" + scope + "/" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    ObjectNode json() {
        ObjectNode root = PlatformJson.mapper().createObjectNode();
        root.put("decisionId", decisionId());
        root.put("tickId", tickId);
        switch (scope) {
            case ACCOUNT -> root.put("account", key);
            case MARKET -> root.put("symbol", key);
            case SETTLEMENT -> {
                int slash = key.indexOf('/');
                root.put("symbol", key.substring(0, slash));
                root.put("account", key.substring(slash + 1));
            }
        }
        root.put("ruleSet", ruleSet);
        root.put("version", version);
        root.put("versionHash", versionHash);
        root.put("asOf", asOf.toString());
        ArrayNode list = root.putArray("actions");
        actions.forEach(a -> list.add(DecisionView.action(a)));
        return root;
    }

    String text() {
        return json().toString();
    }
}
