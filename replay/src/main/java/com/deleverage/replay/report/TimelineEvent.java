package com.deleverage.replay.report;

import java.time.Instant;

/**
 * A first event of a version's replay: the first liquidation, the first insurance-fund draw, the first ADL
 * and why ADL switched on, each at the tick it happened.
 *
 * @param event  what happened, e.g. {@code first liquidation}
 * @param time   the tick
 * @param detail the action's reason or the figures, in words
 */
public record TimelineEvent(String event, Instant time, String detail) {
}
