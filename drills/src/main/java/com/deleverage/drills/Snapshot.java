package com.deleverage.drills;

/** The load scripts' single-account snapshot (drills/load/evaluation.json): short 0.5 BTC, under-margined. */
final class Snapshot {
    static final String SINGLE_ACCOUNT = """
            {"ruleSet": "deleveraging", "asOf": "2025-10-10T21:15:00Z",
             "markets": [{"symbol": "BTCUSDT", "markPrice": "103441.3", "indexPrice": "103500.1",
                          "riskTiers": [{"notionalFloor": "0", "notionalCap": "50000", "maintenanceMarginRate": "0.004", "maintenanceAmount": "0", "maxLeverage": 125},
                                        {"notionalFloor": "50000", "notionalCap": "10000000", "maintenanceMarginRate": "0.005", "maintenanceAmount": "50", "maxLeverage": 100}]}],
             "insuranceFunds": [{"symbol": "BTCUSDT", "balance": "2500000", "peakBalance8h": "2600000"}],
             "accounts": [{"id": "acct-1", "walletBalance": "1900", "marginMode": "CROSS",
                           "positions": [{"symbol": "BTCUSDT", "quantity": "-0.5", "entryPrice": "100000", "leverage": 20}]}]}
            """;

    private Snapshot() {
    }
}
