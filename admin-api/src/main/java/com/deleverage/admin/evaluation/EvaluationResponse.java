package com.deleverage.admin.evaluation;

import com.deleverage.engine.evaluate.AccountResult;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.FiredRule;
import com.deleverage.engine.evaluate.PositionResult;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.PositionRisk;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The evaluation response of the API contract: the decision stamped with the exact version that made
 * it. Decimals are strings; absent values are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResponse(String decisionId, String ruleSet, int version, String versionHash, Instant asOf,
                                 Instant evaluatedAt, List<AccountView> accounts, List<ActionView> actions,
                                 List<FiredRuleView> firedRules) {

    static EvaluationResponse of(String decisionId, Decision decision, Instant evaluatedAt) {
        return new EvaluationResponse(decisionId, decision.ruleSet(), decision.version(), decision.versionHash(),
                decision.asOf(), evaluatedAt,
                decision.accounts().stream().map(AccountView::of).toList(),
                decision.actions().stream().map(ActionView::of).toList(),
                decision.firedRules().stream().map(FiredRuleView::of).toList());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountView(String id, String equity, String maintenanceMargin, String marginRatio,
                              List<PositionView> positions) {
        static AccountView of(AccountResult result) {
            AccountRisk risk = result.risk();
            return new AccountView(risk.accountId(), DecimalText.of(risk.equity()),
                    DecimalText.of(risk.maintenanceMargin()), DecimalText.of(risk.marginRatio()),
                    result.positions().stream().map(PositionView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PositionView(String symbol, String notional, String maintenanceMargin, String liquidationPrice,
                               String bankruptcyPrice, String adlScore, Integer adlQuantile) {
        static PositionView of(PositionResult result) {
            PositionRisk risk = result.risk();
            return new PositionView(risk.symbol(), DecimalText.of(risk.notional()),
                    DecimalText.of(risk.maintenanceMargin()), DecimalText.of(risk.liquidationPrice()),
                    DecimalText.of(risk.bankruptcyPrice()),
                    result.adl() == null ? null : DecimalText.of(result.adl().score()),
                    result.adl() == null ? null : result.adl().quantile());
        }
    }

    public record FiredRuleView(String rule, String file, int count) {
        static FiredRuleView of(FiredRule fired) {
            return new FiredRuleView(fired.rule(), fired.file(), fired.count());
        }
    }
}
