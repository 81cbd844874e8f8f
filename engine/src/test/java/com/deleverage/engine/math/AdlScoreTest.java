package com.deleverage.engine.math;

import com.deleverage.engine.model.Side;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.PositionRisk;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static com.deleverage.engine.math.Facts.crossAccount;
import static com.deleverage.engine.math.Facts.d;
import static com.deleverage.engine.math.Facts.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdlScoreTest {

    @Nested
    class Bitmex {
        @Test
        void winningLongIsPnlTimesEffectiveLeverage() {
            // PnL% = (55000 - 50000) / 50000 = 0.1; EffLev = 55000 / |55000 - 45000| = 5.5; 0.1 x 5.5 = 0.55
            assertThat(AdlScore.bitmex(Side.LONG, d("50000"), d("55000"), d("45000"))).isEqualByComparingTo("0.55");
        }

        @Test
        void winningShortUsesTheMoveInItsDirection() {
            // PnL% = -(45000 - 50000) / 50000 = 0.1; EffLev = 45000 / |45000 - 55000| = 4.5; 0.45
            assertThat(AdlScore.bitmex(Side.SHORT, d("50000"), d("45000"), d("55000"))).isEqualByComparingTo("0.45");
        }

        @Test
        void losingPositionIsPnlDividedByEffectiveLeverage() {
            // PnL% = (45000 - 50000) / 50000 = -0.1; EffLev = 45000 / 5000 = 9; -0.1 / 9 = -0.0111111111(1) -> 10 places
            assertThat(AdlScore.bitmex(Side.LONG, d("50000"), d("45000"), d("40000")))
                    .isEqualByComparingTo("-0.0111111111");
        }

        @Test
        void noBankruptcyPriceMeansLeverageOne() {
            // BP taken as 0: EffLev = 50000 / 50000 = 1; PnL% = 10000 / 40000 = 0.25
            assertThat(AdlScore.bitmex(Side.LONG, d("40000"), d("50000"), null)).isEqualByComparingTo("0.25");
        }

        @Test
        void markOnTheBankruptcyPriceRanksAWinnerFirstWithAFiniteScore() {
            // |M - BP| = 0 -> 0.00000001: PnL% = 10 / 100 = 0.1; EffLev = 110 / 0.00000001 = 1.1e10; 1.1e9
            assertThat(AdlScore.bitmex(Side.LONG, d("100"), d("110"), d("110"))).isEqualByComparingTo("1100000000");
        }

        @Test
        void flatPositionScoresZero() {
            assertThat(AdlScore.bitmex(Side.SHORT, d("100"), d("100"), d("120"))).isEqualByComparingTo("0");
        }
    }

    @Nested
    class Binance {
        @Test
        void pnlOnWalletTimesMarginRatio() {
            // PnlPercent = 2000 / 10000 = 0.2; MarginRatio = 600 / (10000 + 2000) = 0.05; 0.2 x 0.05 = 0.01
            assertThat(AdlScore.binance(d("10000"), d("2000"), d("600"))).isEqualByComparingTo("0.01");
        }

        @Test
        void walletBelowOneCountsAsOne() {
            // PnlPercent = 10 / max(1, 0.5) = 10; MarginRatio = 2 / 10.5; 20 / 10.5 = 1.904761904(76) -> 1.9047619048
            assertThat(AdlScore.binance(d("0.5"), d("10"), d("2"))).isEqualByComparingTo("1.9047619048");
        }

        @Test
        void losersAndBankruptPoolsScoreZero() {
            // max(0, -100) = 0; and WB + UPnL = -500 + 200 <= 0 -> MarginRatio 0
            assertThat(AdlScore.binance(d("10000"), d("-100"), d("600"))).isEqualByComparingTo("0");
            assertThat(AdlScore.binance(d("-500"), d("200"), d("600"))).isEqualByComparingTo("0");
        }
    }

    @Nested
    class Hyperliquid {
        @Test
        void longIsPriceGainTimesNotionalOverAccountValue() {
            // (55000 / 50000) x (2 x 55000 / 22000) = 1.1 x 5 = 5.5
            assertThat(AdlScore.hyperliquid(Side.LONG, d("50000"), d("55000"), d("110000"), d("22000")))
                    .isEqualByComparingTo("5.5");
        }

        @Test
        void shortUsesEntryOverMark() {
            // (50000 / 45000) x (2 x 45000 / 18000) = 1.111... x 5 = 5.5555555555(5) -> 5.5555555556
            assertThat(AdlScore.hyperliquid(Side.SHORT, d("50000"), d("45000"), d("90000"), d("18000")))
                    .isEqualByComparingTo("5.5555555556");
        }

        @Test
        void bankruptAccountScoresZero() {
            assertThat(AdlScore.hyperliquid(Side.LONG, d("50000"), d("55000"), d("110000"), d("0")))
                    .isEqualByComparingTo("0");
        }
    }

    @Nested
    class ByRanking {
        private final PositionRisk crossShort = position("acc", "BTCUSDT", "-2", "50000", "45000")
                .pnl("10000").margins("450", "18000", "600").bankruptcyPrice("55000").build();
        private final AccountRisk account = crossAccount("acc", "8000", "10000", "600");

        @Test
        void bitmexReadsPricesAndBankruptcyPrice() {
            // as winningShortUsesTheMoveInItsDirection: 0.1 x 4.5 = 0.45
            assertThat(AdlScore.of(AdlRanking.BITMEX, crossShort, account)).isEqualByComparingTo("0.45");
        }

        @Test
        void binanceReadsTheCrossAccount() {
            // 10000 / 8000 = 1.25; 600 / 18000 = 0.0333...; 1.25 x 600 / 18000 = 0.041666666(6) -> 0.0416666667
            assertThat(AdlScore.of(AdlRanking.BINANCE, crossShort, account)).isEqualByComparingTo("0.0416666667");
        }

        @Test
        void binanceReadsTheIsolatedPosition() {
            PositionRisk isolated = position("acc", "BTCUSDT", "-2", "50000", "45000").pnl("10000")
                    .isolated("5000").margins("450", "15000", "450").build();
            // 10000 / 5000 = 2; 450 / (5000 + 10000) = 0.03; 2 x 0.03 = 0.06
            assertThat(AdlScore.of(AdlRanking.BINANCE, isolated, account)).isEqualByComparingTo("0.06");
        }

        @Test
        void hyperliquidReadsNotionalAndPoolEquity() {
            // (50000 / 45000) x (90000 / 18000) = 5.5555555556 as above
            assertThat(AdlScore.of(AdlRanking.HYPERLIQUID, crossShort, account)).isEqualByComparingTo("5.5555555556");
        }

        @Test
        void refusesAnotherAccountsPosition() {
            assertThatThrownBy(() -> AdlScore.of(AdlRanking.BITMEX, crossShort, crossAccount("other", "1", "0", "0")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
