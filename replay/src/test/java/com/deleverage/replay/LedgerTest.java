package com.deleverage.replay;

import com.deleverage.replay.simulation.Ledger;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conservation check fails on any leak. A leak is money that moves without a ledger line (or with a
 * wrong one), so the state at the end no longer matches the ledger; these tests build a small replay's
 * ledger by hand and then leak one cent (or less) in each place money lives.
 */
class LedgerTest {
    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /**
     * Opening: collateral 11,000, fund 600. A long closed at its bankruptcy price realises -1,000; a winner is
     * charged 450 of socialised loss; the market deficit 1,000 is paid 600 by the fund and 400 by the loss;
     * the other 50 of the loss goes to the fund. Closing: collateral 11,000 - 1,000 - 450 = 9,550; fund 50.
     */
    static Ledger balanced() {
        Ledger ledger = new Ledger();
        ledger.opening(d("11000"), d("600"));
        ledger.realised(d("-1000"));
        ledger.marketDeficit(d("1000"));
        ledger.fundDraw(d("600"));
        ledger.socialised(d("450"), d("400"));
        return ledger;
    }

    @Test
    void aBalancedLedgerHasNoViolation() {
        assertThat(balanced().violations(d("9550"), d("50"))).isEmpty();
    }

    @Test
    void aCentMissingFromTheBookIsALeak() {
        assertThat(balanced().violations(d("9549.99"), d("50")))
                .singleElement().asString().startsWith("collateral in = collateral out + fees + socialised loss")
                .contains("difference 0.01");
    }

    @Test
    void aFractionOfACentAppearingInTheFundIsALeak() {
        assertThat(balanced().violations(d("9550"), d("50.000001")))
                .singleElement().asString().startsWith("fund change");
    }

    @Test
    void aFeeRecordedButNotCreditedToTheFundIsALeak() {
        Ledger ledger = balanced();
        ledger.fee(d("5"));  // the trader paid 5 (book 9,545) but the code forgot to credit the fund
        assertThat(ledger.violations(d("9545"), d("50"))).singleElement().asString().startsWith("fund change");
        assertThat(ledger.violations(d("9545"), d("55"))).isEmpty();
    }

    @Test
    void aDeficitNobodyPaidMustBeBookedAsBadDebt() {
        Ledger ledger = balanced();
        ledger.marketDeficit(d("30"));
        assertThat(ledger.violations(d("9550"), d("50"))).singleElement().asString().startsWith("market deficits");
        ledger.badDebt(d("30"));
        assertThat(ledger.violations(d("9550"), d("50"))).isEmpty();
    }

    @Test
    void aDepositIsCollateralInAndUnrecordedItIsALeak() {
        Ledger ledger = balanced();
        // A trader tops up 100 between ticks: the book holds 9,650.
        assertThat(ledger.violations(d("9650"), d("50"))).singleElement().asString()
                .startsWith("collateral in = collateral out").contains("difference -100");
        ledger.deposit(d("100"));
        assertThat(ledger.violations(d("9650"), d("50"))).isEmpty();
    }
}
