package com.deleverage.engine.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A policy's promise that it acts on no account below a margin ratio: an account whose pools all have a
 * lower ratio and none of which is bankrupt decides nothing on its own. A policy states it by inserting
 * one from a rule that fires in an empty session: a rule without conditions, or one that matches only what
 * such rules insert (the reference policy does so in {@code parameters.drl}, from the margin-call ratio of its
 * parameters); the compiler reads it once per version.
 *
 * <p>The engine then inserts {@link AccountRisk} and {@link PositionRisk} facts only for the accounts at or
 * above the ratio or bankrupt, the same in a one-shot evaluation and in a sweep. Every position still
 * reaches the policy through its market's {@link MarketBook} (ADL queues, winners). A rule that needs an
 * account below the ratio as a fact of its own therefore never fires for it: the validator evaluates every
 * scenario with and without the watch and rejects a version whose decisions differ (ACCOUNT_WATCH_UNSAFE).
 * Without a watch every account is inserted.
 *
 * @param marginRatio the lowest margin ratio the policy acts on
 */
public record AccountWatch(BigDecimal marginRatio) {
    public AccountWatch {
        Objects.requireNonNull(marginRatio, "marginRatio");
        if (marginRatio.signum() < 0) {
            throw new IllegalArgumentException("a watched margin ratio cannot be negative: " + marginRatio);
        }
    }

    /** Whether the account must be inserted as facts: bankrupt, or at or above the ratio. */
    public boolean covers(AccountRisk account) {
        return account.bankrupt() || account.marginRatio().compareTo(marginRatio) >= 0;
    }
}
