package com.deleverage.solvency.bench;

import com.deleverage.solvency.epoch.AccountLiability;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded liabilities for the benchmarks: up to 10^6 USDT an account, one in ten accounts owed nothing. */
final class Ledgers {
    private Ledgers() {
    }

    static List<AccountLiability> of(int accounts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AccountLiability> owed = new ArrayList<>(accounts);
        for (int i = 0; i < accounts; i++) {
            long units = random.nextInt(10) == 0 ? 0 : random.nextLong(100_000_000_000_000L);
            owed.add(new AccountLiability("account-" + i, BigInteger.valueOf(units), BigInteger.ZERO));
        }
        return owed;
    }
}
