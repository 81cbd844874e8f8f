package com.deleverage.engine.math;

import com.deleverage.engine.model.Side;
import org.junit.jupiter.api.Test;

import static com.deleverage.engine.math.Facts.d;
import static org.assertj.core.api.Assertions.assertThat;

class InsuranceFundMathTest {

    @Test
    void longClosedBelowItsBankruptcyPriceCostsTheFund() {
        // +1 x 2 x (57000 - 56500) = 1000 paid by the fund
        assertThat(InsuranceFundMath.deficit(Side.LONG, d("2"), d("57000"), d("56500"))).isEqualByComparingTo("1000");
    }

    @Test
    void longClosedAboveItsBankruptcyPriceIsSurplus() {
        // +1 x 2 x (57000 - 57300) = -600: 600 surplus into the fund
        assertThat(InsuranceFundMath.deficit(Side.LONG, d("2"), d("57000"), d("57300"))).isEqualByComparingTo("-600");
    }

    @Test
    void shortBoughtBackAboveItsBankruptcyPriceCostsTheFund() {
        // -1 x 2 x (63000 - 63400) = 800 paid; bought back at 62,900: -1 x 2 x 100 = -200, 200 surplus
        assertThat(InsuranceFundMath.deficit(Side.SHORT, d("2"), d("63000"), d("63400"))).isEqualByComparingTo("800");
        assertThat(InsuranceFundMath.deficit(Side.SHORT, d("2"), d("63000"), d("62900"))).isEqualByComparingTo("-200");
    }

    @Test
    void drawPaysWhatTheFundHasAndLeavesTheRestUncovered() {
        FundDraw ample = InsuranceFundMath.draw(d("5000"), d("1000"));
        assertThat(ample.paid()).isEqualByComparingTo("1000");
        assertThat(ample.uncovered()).isEqualByComparingTo("0");
        assertThat(ample.fullyCovered()).isTrue();

        // 600 in the fund for a 1000 deficit: 600 paid, 400 uncovered
        FundDraw short600 = InsuranceFundMath.draw(d("600"), d("1000"));
        assertThat(short600.paid()).isEqualByComparingTo("600");
        assertThat(short600.uncovered()).isEqualByComparingTo("400");
        assertThat(short600.fullyCovered()).isFalse();
    }

    @Test
    void surplusDrawsNothingAndAnOverdrawnFundPaysNothing() {
        FundDraw surplus = InsuranceFundMath.draw(d("5000"), d("-600"));
        assertThat(surplus.paid()).isEqualByComparingTo("0");
        assertThat(surplus.uncovered()).isEqualByComparingTo("0");

        FundDraw overdrawn = InsuranceFundMath.draw(d("-10"), d("100"));
        assertThat(overdrawn.paid()).isEqualByComparingTo("0");
        assertThat(overdrawn.uncovered()).isEqualByComparingTo("100");
    }

    @Test
    void liquidationFeeIsRateTimesClosedNotional() {
        // 0.5% of 2 x 60,000 = 0.005 x 120000 = 600
        assertThat(InsuranceFundMath.liquidationFee(d("0.005"), d("120000"))).isEqualByComparingTo("600");
    }

    @Test
    void drawdownFromTheEightHourPeak() {
        // 1 - 700,000 / 1,000,000 = 0.3 (the reference ADL trigger); 1 - 760,000 / 1,000,000 = 0.24 (under the 25% stop)
        assertThat(InsuranceFundMath.drawdown(d("700000"), d("1000000"))).isEqualByComparingTo("0.3");
        assertThat(InsuranceFundMath.drawdown(d("760000"), d("1000000"))).isEqualByComparingTo("0.24");
        // 1 - 2/3 = 0.33333333333... -> 10 places
        assertThat(InsuranceFundMath.drawdown(d("2"), d("3"))).isEqualByComparingTo("0.3333333333");
    }

    @Test
    void noDrawdownWithoutAPeakOrAboveIt() {
        assertThat(InsuranceFundMath.drawdown(d("700000"), null)).isEqualByComparingTo("0");
        assertThat(InsuranceFundMath.drawdown(d("1200000"), d("1000000"))).isEqualByComparingTo("0");
    }
}
