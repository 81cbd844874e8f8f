package com.deleverage.admin.solvency;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Seeded snapshots for epochs, with their liabilities worked out beside them the simple way: every account is
 * cross, one BTCUSDT position at most, mark 100000, so equity = wallet + quantity x (100000 - entry), exact to
 * the cent (wallets in cents, quantities in thousandths, whole entry prices); a liability is max(0, equity)
 * x 10^8 and a deficit max(0, -equity) x 10^8, with no rounding.
 */
final class Books {
    private static final BigDecimal MARK = new BigDecimal("100000");

    /** A snapshot's request body and what it owes. */
    record Book(String snapshotJson, BigInteger liabilities, BigInteger deficits, String[] ids, BigInteger[] owed) {
    }

    private Books() {
    }

    static Book of(int accounts, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder json = new StringBuilder("""
                {"asOf": "2025-10-10T21:15:00Z", "markets": [{"symbol": "BTCUSDT", "markPrice": "100000",
                 "riskTiers": [{"notionalFloor": "0", "notionalCap": "100000000", "maintenanceMarginRate": "0.004",
                 "maintenanceAmount": "0", "maxLeverage": 125}]}], "accounts": [""");
        BigInteger liabilities = BigInteger.ZERO;
        BigInteger deficits = BigInteger.ZERO;
        String[] ids = new String[accounts];
        BigInteger[] owed = new BigInteger[accounts];
        for (int i = 0; i < accounts; i++) {
            ids[i] = "acct-" + i;
            BigDecimal wallet = BigDecimal.valueOf(random.nextLong(10_000_000), 2); // 0 to 99999.99
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ids[i]).append("\",\"walletBalance\":\"")
                    .append(wallet.toPlainString()).append("\",\"marginMode\":\"CROSS\"");
            BigDecimal equity = wallet;
            if (random.nextInt(4) > 0) {
                long thousandths = random.nextLong(1, 2000) * (random.nextBoolean() ? 1 : -1);
                BigDecimal quantity = BigDecimal.valueOf(thousandths, 3);
                BigDecimal entry = BigDecimal.valueOf(random.nextLong(60_000, 140_000));
                json.append(",\"positions\":[{\"symbol\":\"BTCUSDT\",\"quantity\":\"").append(quantity.toPlainString())
                        .append("\",\"entryPrice\":\"").append(entry.toPlainString()).append("\"}]");
                equity = equity.add(quantity.multiply(MARK.subtract(entry)));
            }
            json.append('}');
            BigInteger units = equity.movePointRight(8).toBigIntegerExact();
            owed[i] = units.max(BigInteger.ZERO);
            liabilities = liabilities.add(owed[i]);
            deficits = deficits.add(units.negate().max(BigInteger.ZERO));
        }
        return new Book(json.append("]}").toString(), liabilities, deficits, ids, owed);
    }
}
