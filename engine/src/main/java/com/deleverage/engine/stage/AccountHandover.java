package com.deleverage.engine.stage;

import java.util.List;
import java.util.Objects;

/** All the hand-over facts of one account after a tick, in a canonical order (so two ticks compare with equals). */
public record AccountHandover(String accountId, List<HandoverFact> facts) {
    public AccountHandover {
        Objects.requireNonNull(accountId, "accountId");
        facts = List.copyOf(facts);
    }
}
