package com.deleverage.replay;

import com.deleverage.replay.path.IntrabarTicks;
import com.deleverage.replay.path.KlineReader;
import com.deleverage.replay.path.MarkPriceReader;
import com.deleverage.replay.path.PriceBar;
import com.deleverage.replay.path.PriceFileException;
import com.deleverage.replay.path.PricePath;
import com.deleverage.replay.path.PriceTick;
import com.deleverage.engine.testing.MarketData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceReadersTest {
    static final Path FIXTURES = MarketData.REPO.resolve("replay/src/test/resources/replay");

    static PriceBar bar(List<PriceBar> bars, String time) {
        Instant at = Instant.parse(time);
        return bars.stream().filter(b -> b.openTime().equals(at)).findFirst().orElseThrow();
    }

    @Test
    void coinM1MinuteArchiveFileHasThe2120LowOf10October() {
        List<PriceBar> bars = KlineReader.read(MarketData.COINM_1M_10_OCT, "BTCUSD_PERP");
        assertThat(bars).hasSize(1440);
        assertThat(bars.get(0).openTime()).isEqualTo(Instant.parse("2025-10-10T00:00:00Z"));
        assertThat(bars.get(0).duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(bars.get(0).open()).isEqualByComparingTo("121662");
        assertThat(bars.get(0).high()).isEqualByComparingTo("121737.53736410");
        PriceBar low = bars.stream().min((a, b) -> a.low().compareTo(b.low())).orElseThrow();
        assertThat(low.openTime()).isEqualTo(Instant.parse("2025-10-10T21:20:00Z"));
        assertThat(low.low()).isEqualByComparingTo("102497.48513403");
        assertThat(low.low().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("102497.49");
    }

    @Test
    void usdM5MinuteBarsOfTheCrash() {
        List<PriceBar> bars = KlineReader.read(MarketData.USDM_5M, "BTCUSDT");
        assertThat(bars).hasSize(11123);
        assertThat(bars.get(0).duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(bar(bars, "2025-10-10T21:10:00Z").high()).isEqualByComparingTo("114567.5");
        assertThat(bar(bars, "2025-10-10T21:15:00Z").low()).isEqualByComparingTo("102193.6");
        // The 21:15 bar is a down bar: open, high, low, close, a quarter of the bar apart.
        List<PriceTick> ticks = IntrabarTicks.of(bar(bars, "2025-10-10T21:15:00Z"), IntrabarTicks.Mode.OHLC);
        PriceBar b = bar(bars, "2025-10-10T21:15:00Z");
        assertThat(b.down()).isTrue();
        assertThat(ticks).extracting(PriceTick::markPrice).containsExactly(b.open(), b.high(), b.low(), b.close());
        assertThat(ticks).extracting(t -> t.time().toString()).containsExactly("2025-10-10T21:15:00Z",
                "2025-10-10T21:16:15Z", "2025-10-10T21:17:30Z", "2025-10-10T21:18:45Z");
    }

    @Test
    void markPriceOhlcLayoutsRead() {
        List<PriceBar> hourly = KlineReader.read(MarketData.MARK_1H, "BTCUSDT");
        assertThat(hourly.get(0).openTime()).isEqualTo(Instant.parse("2024-12-31T00:00:00Z"));
        assertThat(hourly.get(0).duration()).isEqualTo(Duration.ofHours(1));
        assertThat(hourly.get(0).open()).isEqualByComparingTo("92760.05741135");
        List<PriceBar> eightHourly = KlineReader.read(MarketData.MARK_8H, "BTCUSDT");
        assertThat(eightHourly.get(0).duration()).isEqualTo(Duration.ofHours(8));
        assertThat(eightHourly.get(0).close()).isEqualByComparingTo("116850.03902174");
    }

    @Test
    void headerlessArchiveFileAndUpBarOrder() {
        List<PriceBar> bars = KlineReader.read(FIXTURES.resolve("bars-archive.csv"), "BTCUSDT");
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).duration()).isEqualTo(Duration.ofMinutes(5));
        // An up bar (105 >= 100) goes open, low, high, close; a down bar open, high, low, close.
        assertThat(IntrabarTicks.of(bars, IntrabarTicks.Mode.OHLC)).extracting(t -> t.markPrice().toPlainString())
                .containsExactly("100", "95", "110", "105", "105", "106", "90", "92");
        assertThat(IntrabarTicks.of(bars, IntrabarTicks.Mode.CLOSE)).extracting(t -> t.markPrice().toPlainString())
                .containsExactly("105", "92");
    }

    @Test
    void isoDateLayout() {
        List<PriceBar> bars = KlineReader.read(FIXTURES.resolve("bars-date.csv"), "BTCUSDT");
        assertThat(bars.get(1).openTime()).isEqualTo(Instant.parse("2020-03-13T02:00:00Z"));
        assertThat(bars.get(1).low()).isEqualByComparingTo("3782.13");
        assertThat(bars.get(1).duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void simpleMarkPriceLayoutWithSeveralMarketsMergesByTime() {
        PricePath path = MarkPriceReader.read(FIXTURES.resolve("marks.csv"));
        assertThat(path.symbols()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(path.ticks()).extracting(t -> t.time() + " " + t.symbol()).containsExactly(
                "2025-10-10T21:00:00Z BTCUSDT", "2025-10-10T21:00:00Z ETHUSDT", "2025-10-10T21:01:00Z BTCUSDT");
        PriceTick last = path.ticks().get(2);
        assertThat(last.indexPrice()).isEqualByComparingTo("112990.5");
        assertThat(last.fundingRate()).isEqualByComparingTo("-0.0002");
        assertThat(last.openInterest()).isEqualByComparingTo("5000");
        assertThat(path.ticks().get(0).indexPrice()).isNull();
    }

    @Test
    void windowAndMergeOfTwoPaths() {
        PricePath btc = new PricePath(IntrabarTicks.of(KlineReader.read(FIXTURES.resolve("bars-archive.csv"), "BTCUSDT"),
                IntrabarTicks.Mode.OHLC));
        PricePath eth = MarkPriceReader.read("timestamp,symbol,markPrice\n2025-10-10T21:02:00Z,ETHUSDT,3800\n");
        PricePath merged = PricePath.merge(btc, eth);
        assertThat(merged.ticks()).hasSize(9);
        PricePath window = merged.window(Instant.parse("2025-10-10T21:02:30Z"), Instant.parse("2025-10-10T21:05:00Z"));
        assertThat(window.ticks()).extracting(t -> t.time().toString() + " " + t.markPrice().toPlainString())
                .containsExactly("2025-10-10T21:02:30Z 110", "2025-10-10T21:03:45Z 105");
    }

    @Test
    void errorsNameTheFileAndLine() {
        assertThatThrownBy(() -> MarkPriceReader.read("timestamp,symbol,markPrice\n2025-10-10T21:00:00Z,BTCUSDT,abc\n"))
                .isInstanceOf(PriceFileException.class).hasMessageContaining("line 2").hasMessageContaining("abc");
        assertThatThrownBy(() -> KlineReader.read("a,b\n1,2\n", "X")).isInstanceOf(PriceFileException.class)
                .hasMessageContaining("not a kline file");
        assertThatThrownBy(() -> MarkPriceReader.read("timestamp,symbol,markPrice\n2025-10-10T21:00:00Z,BTCUSDT,-1\n"))
                .isInstanceOf(PriceFileException.class).hasMessageContaining("positive");
    }
}
