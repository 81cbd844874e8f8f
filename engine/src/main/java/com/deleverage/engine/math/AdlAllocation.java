package com.deleverage.engine.math;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of walking an ADL queue for one bankrupt position.
 *
 * @param fills     the counterparties' shares in queue order
 * @param uncovered base units of the bankrupt position no eligible counterparty could take (0 when covered)
 */
public record AdlAllocation(List<AdlFill> fills, BigDecimal uncovered) {
    public AdlAllocation {
        fills = List.copyOf(fills);
    }

    public boolean fullyCovered() {
        return uncovered.signum() == 0;
    }
}
