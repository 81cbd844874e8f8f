package com.deleverage.streaming;

import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.stage.StageTick;
import com.deleverage.engine.sweep.SweepResult;

import java.time.Instant;
import java.util.List;

/** What a tick decided, whichever evaluates it: a whole book's sweep or one stage of a staged policy. */
record Decided(String ruleSet, int version, String versionHash, Instant asOf, List<DecidedAction> actions) {
    Decided {
        actions = List.copyOf(actions);
    }

    static Decided of(SweepResult tick) {
        return new Decided(tick.ruleSet(), tick.version(), tick.versionHash(), tick.asOf(), tick.actions());
    }

    static Decided of(StageTick tick) {
        return new Decided(tick.ruleSet(), tick.version(), tick.versionHash(), tick.asOf(), tick.actions());
    }
}
