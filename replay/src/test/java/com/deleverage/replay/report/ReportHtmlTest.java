package com.deleverage.replay.report;

import com.deleverage.replay.report.ReplayReport;
import com.deleverage.replay.ReplaySettings;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a two-version report written by hand: a label and an account id that are markup, and figures
 * whose rounding to the cent (half-even) and to 6 places is worked out below.
 */
class ReportHtmlTest {
    static final String HOSTILE = "<script>alert(\"x\")</script> & co";
    static final String HOSTILE_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co";
    static final Instant FROM = Instant.parse("2025-10-10T20:00:00Z");

    @Test
    void labelsAccountsAndViolationsAreTextNeverMarkup() {
        String html = ReportHtml.write(report());

        assertThat(html).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<off>")
                .contains("<span style=\"color:#1f77b4;font-weight:bold\">&#9632; " + HOSTILE_ESCAPED + "</span>")
                .contains("<th>" + HOSTILE_ESCAPED + "</th><th>variant</th>")
                .contains("<th>" + HOSTILE_ESCAPED + ": equity / liquidated / ADL'd / socialised</th>")
                .contains("<span class=\"bad\">NO: fund &lt;off&gt; by 1</span>");
    }

    @Test
    void showsTheKeyFiguresRounded() {
        String html = ReportHtml.write(report());

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<h1>Policy replay: BTCUSDT</h1>")
                // the fee rate as written, the halt behaviour by name
                .contains("&middot; 3 ticks &middot; 2 accounts &middot; liquidation fee 0.005 &middot; halts: LIQUIDATE")
                // 1,234,567.885 to the cent, half-even: the 8 before the 5 is even, so .88
                .contains("<tr><td>liquidated notional</td><td>1,234,567.88</td><td>0.00</td></tr>")
                // 0.1234565 to 6 places, half-even: .123456; 12.500000 without trailing zeros: 12.5
                .contains("<tr><td>ADL over-close vs pro rata (base units)</td><td>0.123456</td><td>0</td></tr>")
                .contains("<tr><td>open interest at the end (base units)</td><td>12.5</td><td>0</td></tr>")
                .contains("<tr><td>halts / halted ticks</td><td>1 / 1</td><td>0 / 0</td></tr>")
                .contains("<tr><td>reduce-only windows (market-wide)</td><td>2</td><td>0</td></tr>")
                // the timeline: version, event, time, detail, each as text
                .contains("<tr><td>" + HOSTILE_ESCAPED + "</td><td>first liquidation</td><td>2025-10-10T20:01:00Z</td>"
                        + "<td>a-1: margin ratio 1.2 &gt;= 1</td></tr>")
                .contains("<td>why ADL switched on</td><td>2025-10-10T20:01:00Z</td><td>fund in &lt;drawdown&gt;</td>")
                .contains("<tr><td>insurance fund: lowest</td><td>48,500.50</td><td>50,000.00</td></tr>")
                .contains("<span class=\"ok\">yes, to the last digit</span>")
                .contains("<tr><td>fees</td><td>10.50</td><td>0.00</td></tr>")
                .contains("1 accounts end differently; the 1 with the largest spread")
                // spread 250.125 -> 250.12; 1,250.625 -> 1,250.62; 12.345 -> 12.34 (half-even each time)
                .contains("<tr><td>acct-&lt;b&gt;1&lt;/b&gt;</td><td>250.12</td><td>1,000.50 / 1.5 / 0 / 0.00</td>"
                        + "<td>1,250.62 / 0 / 0.25 / 12.34</td></tr>");
        assertThat(html.split("<svg", -1)).hasSize(1 + 8);
    }

    /**
     * The legend of the price chart promises halted periods shaded: the reference halted from 20:01 to 20:02, so
     * the price chart (the first SVG) draws the translucent band in the reference's colour (31,119,180 = #1f77b4),
     * as the fund chart does; without halts neither chart has it.
     */
    @Test
    void thePriceChartShadesHaltedPeriods() {
        String html = ReportHtml.write(report());
        String price = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertThat(price).contains("Mark price (shaded: halted under " + HOSTILE_ESCAPED + ")").contains(SHADE);
        assertThat(ReportHtml.write(withoutHalts(report()))).doesNotContain(SHADE);
    }

    /** The band as JFreeSVG writes it: alpha 40 / 255 times the marker's default alpha 0.8 = 0.12549... */
    static final String SHADE = "fill:rgb(31,119,180);fill-opacity:0.12549";

    private static ReplayReport withoutHalts(ReplayReport report) {
        List<VersionResult> versions = report.versions().stream().map(v -> new VersionResult(v.label(), v.ruleSet(),
                v.version(), v.versionHash(), v.series().stream().map(t -> new TickRecord(t.time(), t.markPrice(),
                t.insuranceFund(), t.openInterest(), t.liquidations(), t.liquidatedNotional(), t.adls(), t.adlNotional(),
                t.adlOverClose(), t.socialisedLoss(), t.badDebt(), false, t.reduceOnly(), t.deferred())).toList(),
                v.totals(), v.ledger(), v.violations(), v.timeline(), v.outcomes(), v.notes())).toList();
        return new ReplayReport(report.from(), report.to(), report.symbols(), report.ticks(), report.accounts(),
                report.settings(), versions, report.differences(), report.elapsed());
    }

    static ReplayReport report() {
        VersionResult reference = new VersionResult(HOSTILE, "deleveraging", 1, "sha256:01", series(),
                new VersionTotals(3, d("1234567.885"), 2, 1, d("1000.005"), 1, d("0.1234565"), d("0"), d("0"),
                        d("0"), d("10.5"), d("50000"), d("49000"), d("48500.5"), 1, 1, 2, 4, 0, 0, 0, d("12.500000")),
                ledger("10.5"), List.of(), List.of(
                        new TimelineEvent("first liquidation", FROM.plusSeconds(60), "a-1: margin ratio 1.2 >= 1"),
                        new TimelineEvent("why ADL switched on", FROM.plusSeconds(60), "fund in <drawdown>")),
                new TreeMap<>(), new TreeMap<>());
        VersionResult variant = new VersionResult("variant", "deleveraging", 2, "sha256:02", series(),
                new VersionTotals(0, d("0"), 0, 0, d("0"), 0, d("0"), d("0"), d("0"), d("0"), d("0"), d("50000"),
                        d("50000"), d("50000"), 0, 0, 0, 0, 0, 0, 0, d("0")),
                ledger("0"), List.of("fund <off> by 1"), List.of(), new TreeMap<>(), new TreeMap<>());
        AccountDifference difference = new AccountDifference("acct-<b>1</b>", List.of(
                new AccountOutcome(d("1000"), d("1000.5"), d("0"), d("1.5"), d("0"), d("0")),
                new AccountOutcome(d("1250.625"), d("1250.625"), d("0.5"), d("0"), d("0.25"), d("12.345"))),
                d("250.125"));
        return new ReplayReport(FROM, FROM.plus(Duration.ofMinutes(10)), new TreeSet<>(List.of("BTCUSDT")), 3, 2,
                ReplaySettings.DEFAULT, List.of(reference, variant), List.of(difference), Duration.ofSeconds(1));
    }

    private static List<TickRecord> series() {
        return List.of(
                new TickRecord(FROM, d("110000"), d("50000"), d("12.5"), 0, d("0"), 0, d("0"), d("0"), d("0"), d("0"),
                        false, true, 0),
                new TickRecord(FROM.plusSeconds(60), d("105000"), d("48500.5"), d("12.5"), 3, d("1234567.885"), 1,
                        d("1000.005"), d("0.1234565"), d("0"), d("0"), true, false, 0),
                new TickRecord(FROM.plusSeconds(120), d("106000"), d("48500.5"), d("12.5"), 0, d("0"), 0,
                        d("0"), d("0"), d("0"), d("0"), false, true, 0));
    }

    private static Map<String, BigDecimal> ledger(String fees) {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        lines.put("collateral in", d("100000"));
        lines.put("fees", d(fees));
        return lines;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
