package com.deleverage.admin.margin;

import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.engine.action.ActionType;
import com.deleverage.engine.parameters.ParameterTable;
import com.deleverage.solvency.margin.MarginRule;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rule a margin epoch holds a version to, from the version's own published files: its {@code liquidationRatio}
 * parameter (the reference policy's: 1), and {@code LIQUIDATE} as the action that answers it.
 */
@Singleton
class VersionMarginRule {
    static final String PARAMETER = "liquidationRatio";

    private final RuleSetRepository versions;

    VersionMarginRule(RuleSetRepository versions) {
        this.versions = versions;
    }

    /** @throws Unprocessable the version publishes no liquidation ratio: there is no rule to prove against */
    MarginRule of(String ruleSet, int version) {
        String ratio = ParameterTable.value(versions.files(ruleSet, version).get(ParameterTable.FILE), PARAMETER)
                .orElse(null);
        if (ratio == null) {
            throw new Unprocessable(ruleSet + " v" + version + " has no " + PARAMETER + " in its " + ParameterTable.FILE
                    + ": a margin epoch proves every pool against the version's published liquidation ratio");
        }
        try {
            return new MarginRule(new BigDecimal(ratio), List.of(ActionType.LIQUIDATE));
        } catch (NumberFormatException e) {
            throw new Unprocessable(ruleSet + " v" + version + "'s " + PARAMETER + " is not a decimal: " + ratio);
        }
    }
}
