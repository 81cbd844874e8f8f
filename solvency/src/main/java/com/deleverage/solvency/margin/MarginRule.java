package com.deleverage.solvency.margin;

import com.deleverage.engine.action.ActionType;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the version's published rule requires of every margin pool: at or above {@code liquidationRatio} (margin
 * ratio = maintenance margin / equity) or bankrupt, one of the {@code acting} actions; below it, none. For the
 * reference policy: its {@code liquidationRatio} parameter and {@code LIQUIDATE}.
 */
public record MarginRule(BigDecimal liquidationRatio, List<ActionType> acting) {
    public MarginRule {
        acting = List.copyOf(acting);
    }
}
