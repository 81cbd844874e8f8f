package com.deleverage.admin.evaluation;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.action.AutoDeleverage;
import com.deleverage.engine.action.HaltTrading;
import com.deleverage.engine.action.InsuranceFundDraw;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.action.MarginCall;
import com.deleverage.engine.action.ReduceOnly;
import com.deleverage.engine.action.ScaleMaintenanceMargin;
import com.deleverage.engine.action.SetFundingRate;
import com.deleverage.engine.action.SetMaxLeverage;
import com.deleverage.engine.action.SocializeLoss;
import com.deleverage.engine.evaluate.DecidedAction;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One action of a decision in the contract's flat shape: every type fills the fields it has and omits
 * the rest, and names the rule that took it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionView(String type, String account, String symbol, String quantity, String price, Boolean partial,
                         String counterparty, String amount, String marginRatio, Integer maxLeverage, String factor,
                         String rate, Instant until, String rule, String reason) {

    static ActionView of(DecidedAction decided) {
        Action action = decided.action();
        Values v = switch (action) {
            case MarginCall a -> new Values().marginRatio(DecimalText.of(a.marginRatio()));
            case Liquidate a -> new Values().quantity(DecimalText.of(a.quantity())).price(DecimalText.of(a.price()))
                    .partial(a.partial());
            case InsuranceFundDraw a -> new Values().amount(DecimalText.of(a.amount()));
            case AutoDeleverage a -> new Values().counterparty(a.counterparty()).quantity(DecimalText.of(a.quantity()))
                    .price(DecimalText.of(a.price()));
            case SocializeLoss a -> new Values().amount(DecimalText.of(a.amount()));
            case SetMaxLeverage a -> new Values().maxLeverage(a.maxLeverage());
            case ScaleMaintenanceMargin a -> new Values().factor(DecimalText.of(a.factor()));
            case SetFundingRate a -> new Values().rate(DecimalText.of(a.rate()));
            case ReduceOnly a -> new Values().until(a.until());
            case HaltTrading a -> new Values().until(a.until());
        };
        return new ActionView(action.type().name(), action.account(), action.symbol(), v.quantity, v.price,
                v.partial, v.counterparty, v.amount, v.marginRatio, v.maxLeverage, v.factor, v.rate, v.until,
                decided.rule(), action.reason());
    }

    /** The type-specific values of an action, filled by the one switch above. */
    private static final class Values {
        private String quantity;
        private String price;
        private Boolean partial;
        private String counterparty;
        private String amount;
        private String marginRatio;
        private Integer maxLeverage;
        private String factor;
        private String rate;
        private Instant until;

        Values quantity(String value) {
            quantity = value;
            return this;
        }

        Values price(String value) {
            price = value;
            return this;
        }

        Values partial(boolean value) {
            partial = value;
            return this;
        }

        Values counterparty(String value) {
            counterparty = value;
            return this;
        }

        Values amount(String value) {
            amount = value;
            return this;
        }

        Values marginRatio(String value) {
            marginRatio = value;
            return this;
        }

        Values maxLeverage(int value) {
            maxLeverage = value;
            return this;
        }

        Values factor(String value) {
            factor = value;
            return this;
        }

        Values rate(String value) {
            rate = value;
            return this;
        }

        Values until(Instant value) {
            until = value;
            return this;
        }
    }
}
