package com.deleverage.admin;

/** Evaluation requests of the API contract used across tests, with their figures worked out by hand. */
public final class Snapshots {
    /*
     * acct-1 is short 0.5 BTC from 100000 with 1900 in its cross wallet; mark 103441.3, one tier at 0.4%:
     *   unrealised PnL = -0.5 x (103441.3 - 100000) = -1720.65   equity = 1900 - 1720.65 = 179.35
     *   notional = 0.5 x 103441.3 = 51720.65                     maintenance margin = 0.004 x 51720.65 = 206.8826
     *   margin ratio = 206.8826 / 179.35 = 1.1535132423 (10 places, half-even) >= 1: liquidate
     *   bankruptcy price (short) = 100000 + 1900 / 0.5 = 103800
     * acct-2 is long 0.1 from 100000 with 10000: equity 10344.13, ratio 41.37652 / 10344.13 = 0.004.
     * Responses write decimals in plain notation without trailing zeros.
     */
    public static final String UNDER_MARGINED = """
            {"ruleSet": "deleveraging", "asOf": "2025-10-10T21:15:00Z",
             "markets": [{"symbol": "BTCUSDT", "markPrice": "103441.3", "indexPrice": 103500.1,
                          "riskTiers": [{"notionalFloor": "0", "notionalCap": "10000000",
                                         "maintenanceMarginRate": "0.004", "maintenanceAmount": "0", "maxLeverage": 125}]}],
             "insuranceFunds": [{"symbol": "BTCUSDT", "balance": "2500000"}],
             "accounts": [
               {"id": "acct-1", "walletBalance": "1900", "marginMode": "CROSS",
                "positions": [{"symbol": "BTCUSDT", "quantity": "-0.5", "entryPrice": "100000", "leverage": 20,
                               "isolatedMargin": null}]},
               {"id": "acct-2", "walletBalance": 10000, "marginMode": "CROSS",
                "positions": [{"symbol": "BTCUSDT", "quantity": 0.1, "entryPrice": "100000", "leverage": 10}]}]}
            """;

    private Snapshots() {
    }
}
