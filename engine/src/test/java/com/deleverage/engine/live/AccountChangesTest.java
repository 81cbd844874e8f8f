package com.deleverage.engine.live;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fills, transfers and margin-mode changes booked as a linear-perpetual venue books them; figures worked by hand. */
class AccountChangesTest {
    static final Instant AT = Instant.parse("2025-10-10T21:15:00Z");

    static AccountEvent.Fill fill(String quantity, String price) {
        return new AccountEvent.Fill("f", "a", AT, "BTCUSDT", new BigDecimal(quantity), new BigDecimal(price), null);
    }

    @Test
    void aPositionOpensGrowsShrinksFlipsAndClosesWithItsPnlRealisedIntoTheWallet() {
        Account a = new Account("a", new BigDecimal("1000"), MarginMode.CROSS, List.of());
        a = AccountChanges.apply(a, fill("0.5", "100000"));
        assertThat(a.positions()).containsExactly(new Position("BTCUSDT", new BigDecimal("0.5"), new BigDecimal("100000"), null, null));
        // adds 0.5 at 102,000: entry (0.5 x 100,000 + 0.5 x 102,000) / 1.0 = 101,000, to 8 places
        a = AccountChanges.apply(a, fill("0.5", "102000"));
        assertThat(a.positions().getFirst().quantity()).isEqualByComparingTo("1.0");
        assertThat(a.positions().getFirst().entryPrice()).isEqualTo(new BigDecimal("101000.00000000"));
        assertThat(a.walletBalance()).isEqualByComparingTo("1000");
        // sells 0.4 at 103,000: realises 0.4 x (103,000 - 101,000) = 800; the rest keeps its entry
        a = AccountChanges.apply(a, fill("-0.4", "103000"));
        assertThat(a.walletBalance()).isEqualByComparingTo("1800");
        assertThat(a.positions().getFirst().quantity()).isEqualByComparingTo("0.6");
        assertThat(a.positions().getFirst().entryPrice()).isEqualByComparingTo("101000");
        // sells 1.0 at 99,000: closes 0.6 for 0.6 x (99,000 - 101,000) = -1,200, opens a 0.4 short at 99,000
        a = AccountChanges.apply(a, fill("-1.0", "99000"));
        assertThat(a.walletBalance()).isEqualByComparingTo("600");
        assertThat(a.positions().getFirst().quantity()).isEqualByComparingTo("-0.4");
        assertThat(a.positions().getFirst().entryPrice()).isEqualByComparingTo("99000");
        // buys 0.4 at 98,000: the short realises 0.4 x (99,000 - 98,000) = 400 and is gone
        a = AccountChanges.apply(a, fill("0.4", "98000"));
        assertThat(a.walletBalance()).isEqualByComparingTo("1000");
        assertThat(a.positions()).isEmpty();
    }

    @Test
    void aClosedIsolatedPositionReturnsItsMarginToTheWallet() {
        Account a = new Account("a", new BigDecimal("50"), MarginMode.ISOLATED, List.of());
        a = AccountChanges.apply(a, new AccountEvent.Fill("f1", "a", AT, "BTCUSDT", new BigDecimal("-0.1"),
                new BigDecimal("100000"), new BigDecimal("500")));
        assertThat(a.positions().getFirst().isolatedMargin()).isEqualByComparingTo("500");
        // buys back at 101,000: 0.1 x (100,000 - 101,000) = -100, and the 500 of isolated margin comes back: 50 - 100 + 500
        a = AccountChanges.apply(a, fill("0.1", "101000"));
        assertThat(a.walletBalance()).isEqualByComparingTo("450");
        assertThat(a.positions()).isEmpty();
    }

    @Test
    void transfersMoveTheWalletButNeverBelowZero() {
        Account a = new Account("a", new BigDecimal("100"), MarginMode.CROSS, List.of());
        a = AccountChanges.apply(a, new AccountEvent.Transfer("t1", "a", AT, new BigDecimal("250.5")));
        assertThat(a.walletBalance()).isEqualByComparingTo("350.5");
        Account before = a;
        assertThatThrownBy(() -> AccountChanges.apply(before, new AccountEvent.Transfer("t2", "a", AT, new BigDecimal("-350.6"))))
                .hasMessage("a withdrawal of 350.6 exceeds the wallet balance 350.5");
    }

    @Test
    void theMarginModeChangesOnlyWithoutPositions() {
        Account flat = new Account("a", new BigDecimal("100"), MarginMode.CROSS, List.of());
        assertThat(AccountChanges.apply(flat, new AccountEvent.MarginModeChange("m", "a", AT, MarginMode.ISOLATED)).marginMode())
                .isEqualTo(MarginMode.ISOLATED);
        Account holding = AccountChanges.apply(flat, fill("0.1", "100000"));
        assertThatThrownBy(() -> AccountChanges.apply(holding, new AccountEvent.MarginModeChange("m", "a", AT, MarginMode.ISOLATED)))
                .hasMessage("the margin mode cannot change while the account holds 1 position(s)");
    }
}
