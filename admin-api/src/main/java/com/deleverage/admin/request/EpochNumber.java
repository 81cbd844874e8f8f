package com.deleverage.admin.request;

import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.engine.snapshot.InputProblem;

import java.util.List;

/** An epoch number in a path (solvency and margin epochs): a whole number from 1, or a 400 that says so. */
public final class EpochNumber {
    private EpochNumber() {
    }

    public static long parse(String epoch) {
        try {
            long number = Long.parseLong(epoch);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below with the same message
        }
        throw new InvalidInput("an epoch is a whole number from 1, not '" + epoch + "'",
                List.of(new InputProblem("epoch", "a whole number from 1")));
    }
}
