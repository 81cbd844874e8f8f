package com.deleverage.engine.evaluate;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.PositionRisk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;

/**
 * A decision in the API contract's shape (the evaluation response without the fields the server adds,
 * {@code decisionId} and {@code evaluatedAt}): decimals as plain strings ({@link PlatformJson#plain}), nulls
 * left out. Scenario
 * expectations are written against this shape, so a risk officer writes the same field names in a
 * scenario as in an API call.
 */
public final class DecisionView {
    private static final ObjectMapper MAPPER = PlatformJson.mapper();

    private DecisionView() {
    }

    public static ObjectNode of(Decision decision) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("ruleSet", decision.ruleSet());
        root.put("version", decision.version());
        root.put("versionHash", decision.versionHash());
        if (decision.asOf() != null) {
            root.put("asOf", decision.asOf().toString());
        }
        ArrayNode accounts = root.putArray("accounts");
        decision.accounts().forEach(a -> accounts.add(account(a)));
        ArrayNode actions = root.putArray("actions");
        decision.actions().forEach(a -> actions.add(action(a)));
        ArrayNode fired = root.putArray("firedRules");
        decision.firedRules().forEach(f -> fired.addObject().put("rule", f.rule()).put("file", f.file()).put("count", f.count()));
        return root;
    }

    /**
     * One action: its type, its own fields (the record's components), the rule that produced it, and its
     * explanation: that rule, its file and the facts it matched.
     */
    public static ObjectNode action(DecidedAction decided) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", decided.action().type().name());
        for (RecordComponent component : decided.action().getClass().getRecordComponents()) {
            Object value = read(component, decided.action());
            if (value instanceof BigDecimal d) {
                node.set(component.getName(), decimal(d));
            } else if (value != null) {
                node.set(component.getName(), MAPPER.valueToTree(value));
            }
        }
        node.put("rule", decided.rule());
        ObjectNode explanation = node.putObject("explanation");
        explanation.put("rule", decided.rule());
        explanation.put("file", decided.file());
        var facts = explanation.putArray("facts");
        decided.matchedFacts().stream().filter(java.util.Objects::nonNull).forEach(f -> facts.add(FactView.of(f)));
        return node;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static ObjectNode account(AccountResult result) {
        AccountRisk risk = result.risk();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", risk.accountId());
        node.put("marginMode", risk.marginMode().name());
        putDecimal(node, "walletBalance", risk.walletBalance());
        putDecimal(node, "equity", risk.equity());
        putDecimal(node, "maintenanceMargin", risk.maintenanceMargin());
        putDecimal(node, "marginRatio", risk.marginRatio());
        node.put("bankrupt", risk.bankrupt());
        node.put("riskRank", risk.riskRank());
        ArrayNode positions = node.putArray("positions");
        result.positions().forEach(p -> positions.add(position(p)));
        return node;
    }

    private static ObjectNode position(PositionResult result) {
        PositionRisk risk = result.risk();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("symbol", risk.symbol());
        node.put("side", risk.side().name());
        putDecimal(node, "quantity", risk.quantity());
        putDecimal(node, "notional", risk.notional());
        putDecimal(node, "unrealizedPnl", risk.unrealizedPnl());
        node.put("tier", risk.tierNumber());
        putDecimal(node, "maintenanceMargin", risk.maintenanceMargin());
        putDecimal(node, "marginRatio", risk.marginRatio());
        putDecimal(node, "liquidationPrice", risk.liquidationPrice());
        putDecimal(node, "bankruptcyPrice", risk.bankruptcyPrice());
        if (result.adl() != null) {
            putDecimal(node, "adlScore", result.adl().score());
            node.put("adlQuantile", result.adl().quantile());
            node.put("adlQueuePosition", result.adl().queuePosition());
        }
        return node;
    }

    private static void putDecimal(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.set(field, decimal(value));
        }
    }

    private static JsonNode decimal(BigDecimal value) {
        return MAPPER.getNodeFactory().textNode(PlatformJson.plain(value));
    }
}
