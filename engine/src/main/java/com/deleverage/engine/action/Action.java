package com.deleverage.engine.action;

/**
 * A decision a policy takes. Policies {@code insert(...)} actions into the session; the engine records
 * each with the rule that inserted it. A rule may also {@code delete} an action another rule proposed
 * (for example to supersede a margin call by a liquidation); only actions still in the session at the
 * end of the evaluation are part of the decision.
 *
 * <p>Sign and unit conventions: quantities are base units and always positive (the side follows from
 * the position); prices and amounts are quote currency; rates and factors are fractions.
 */
public sealed interface Action
        permits MarginCall, Liquidate, InsuranceFundDraw, AutoDeleverage, SocializeLoss, SetMaxLeverage,
        ScaleMaintenanceMargin, SetFundingRate, ReduceOnly, HaltTrading {

    /** The action type as the API names it, e.g. {@code LIQUIDATE}. */
    ActionType type();

    /** The account the action is about, or null for market-wide actions. */
    String account();

    /** The market the action is about, or null for account-wide actions. */
    String symbol();

    /** Why, in words a trader's support ticket can quote. */
    String reason();
}
