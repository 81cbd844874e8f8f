package com.deleverage.solvency.epoch;

import com.deleverage.engine.snapshot.SnapshotJson;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiabilitiesTest {
    /*
     * Marks: BTCUSDT 100000, ETHUSDT 4000.
     * rich (cross):      1000 + 0.1 x (100000 - 90000) = 2000 owed              -> 200000000000 units, no deficit
     * bankrupt (cross):  100 + 1 x (100000 - 101000) = -900                     -> 0 owed, deficit 90000000000
     * split (isolated):  free 50; BTC pool 200 + 1 x (100000 - 101000) = -800; ETH pool 100 - 1 x (4000 - 4100) = 200
     *                    owed 50 + 200 = 250 -> 25000000000, deficit 800 -> 80000000000
     *                    (netted, its equity -550 would have hidden the 250 owed to it)
     * dust (cross):      0.000000001 = 0.1 unit, rounded up                    -> 1 unit
     */
    private static final String SNAPSHOT = """
            {"asOf": "2025-10-10T21:15:00Z",
             "markets": [
               {"symbol": "BTCUSDT", "markPrice": "100000", "riskTiers": [{"notionalFloor": "0", "notionalCap": "10000000",
                "maintenanceMarginRate": "0.004", "maintenanceAmount": "0", "maxLeverage": 125}]},
               {"symbol": "ETHUSDT", "markPrice": "4000", "riskTiers": [{"notionalFloor": "0", "notionalCap": "10000000",
                "maintenanceMarginRate": "0.005", "maintenanceAmount": "0", "maxLeverage": 100}]}],
             "accounts": [
               {"id": "rich", "walletBalance": "1000", "marginMode": "CROSS",
                "positions": [{"symbol": "BTCUSDT", "quantity": "0.1", "entryPrice": "90000"}]},
               {"id": "bankrupt", "walletBalance": "100", "marginMode": "CROSS",
                "positions": [{"symbol": "BTCUSDT", "quantity": "1", "entryPrice": "101000"}]},
               {"id": "split", "walletBalance": "50", "marginMode": "ISOLATED",
                "positions": [{"symbol": "BTCUSDT", "quantity": "1", "entryPrice": "101000", "isolatedMargin": "200"},
                              {"symbol": "ETHUSDT", "quantity": "-1", "entryPrice": "4100", "isolatedMargin": "100"}]},
               {"id": "dust", "walletBalance": "0.000000001", "marginMode": "CROSS"}]}
            """;

    @Test
    void eachMarginPoolIsClampedAtZeroAndItsDeficitListedApart() {
        List<AccountLiability> owed = new Liabilities().of(SnapshotJson.json().read(SNAPSHOT));
        assertThat(owed).containsExactly(
                new AccountLiability("rich", new BigInteger("200000000000"), BigInteger.ZERO),
                new AccountLiability("bankrupt", BigInteger.ZERO, new BigInteger("90000000000")),
                new AccountLiability("split", new BigInteger("25000000000"), new BigInteger("80000000000")),
                new AccountLiability("dust", BigInteger.ONE, BigInteger.ZERO));
    }
}
