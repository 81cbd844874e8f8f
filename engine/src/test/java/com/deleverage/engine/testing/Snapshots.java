package com.deleverage.engine.testing;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.model.Snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Small snapshots for engine tests, on Binance's first two BTCUSDT tiers. */
public final class Snapshots {
    public static final List<RiskTier> BTC_TIERS = List.of(
            new RiskTier(d("0"), d("50000"), d("0.004"), d("0"), 125),
            new RiskTier(d("50000"), d("600000"), d("0.005"), d("50"), 100));

    private Snapshots() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    public static Market btc(String markPrice) {
        return new Market("BTCUSDT", d(markPrice), null, null, null, null, null, BTC_TIERS);
    }

    public static Account cross(String id, String wallet, String quantity, String entry) {
        return new Account(id, d(wallet), MarginMode.CROSS,
                List.of(new Position("BTCUSDT", d(quantity), d(entry), 10, null)));
    }

    public static Snapshot of(Market market, Account... accounts) {
        return new Snapshot("test", Instant.parse("2025-10-10T21:15:00Z"), List.of(market), List.of(), List.of(accounts));
    }

    /** A DRL file with the usual imports of a policy. */
    public static String drl(String rules) {
        return """
                package test;
                import com.deleverage.engine.risk.AccountRisk;
                import com.deleverage.engine.risk.PositionRisk;
                import com.deleverage.engine.action.*;
                """ + rules;
    }
}
