package com.deleverage.engine.math;

import com.deleverage.engine.model.Side;
import org.junit.jupiter.api.Test;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

class BankruptcyPriceTest {

    @Test
    void isolatedLongLosesItsMarginBelowEntry() {
        // BP = EP - margin / Q = 60,000 - 6,000 / 2 = 57,000
        assertThat(BankruptcyPrice.of(Side.LONG, d("2"), d("60000"), d("6000"))).isEqualByComparingTo("57000");
    }

    @Test
    void isolatedShortLosesItsMarginAboveEntry() {
        // BP = EP + margin / Q = 60,000 + 3,000 = 63,000
        assertThat(BankruptcyPrice.of(Side.SHORT, d("2"), d("60000"), d("6000"))).isEqualByComparingTo("63000");
    }

    @Test
    void longBackedByItsWholeEntryValueHasNone() {
        // 100 - 100 / 1 = 0 and 100 - 150 / 1 = -50: no positive price
        assertThat(BankruptcyPrice.of(Side.LONG, d("1"), d("100"), d("100"))).isNull();
        assertThat(BankruptcyPrice.of(Side.LONG, d("1"), d("100"), d("150"))).isNull();
    }

    @Test
    void crossPositionWithLosingCollateralGoesBankruptAboveEntry() {
        // backing = WB + other UPnL = 1,000 - 3,000 = -2,000; long: 60,000 - (-2,000 / 2) = 61,000
        assertThat(BankruptcyPrice.of(Side.LONG, d("2"), d("60000"), d("-2000"))).isEqualByComparingTo("61000");
    }

    @Test
    void theDivisionRoundsHalfEvenToEightPlaces() {
        // 10 / 3 = 3.333333333... -> 3.33333333; 100 - 3.33333333 = 96.66666667
        assertThat(BankruptcyPrice.of(Side.LONG, d("3"), d("100"), d("10"))).isEqualByComparingTo("96.66666667");
    }
}
