package com.deleverage.replay.report;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import static com.deleverage.engine.json.PlatformJson.plain;

/**
 * One self-contained HTML page: the charts inline as SVG, the totals, the ledger and the accounts that
 * differ, with no script, no stylesheet and no image from elsewhere — it opens from a file, a mail
 * attachment or an approval ticket without the server. This class chooses the figures and formats them
 * (money to the cent, quantities to 6 places); the template {@code report.html} beside it lays them out,
 * and Thymeleaf escapes every text on the way, labels and account ids included.
 */
public final class ReportHtml {
    /** Accounts listed in the page; the JSON has them all. */
    static final int DIFFERENCES_SHOWN = 50;
    private static final TemplateEngine TEMPLATES = templates();

    private ReportHtml() {
    }

    public static String write(ReplayReport report) {
        return TEMPLATES.process("report", new Context(Locale.ROOT, Map.of("page", page(report))));
    }

    /** What the page shows, as text; the template reads it by its accessors. */
    record Page(String symbols, Instant from, Instant to, int ticks, int accounts, String feeRate, String halts,
                       List<Version> versions, List<Row> timeline, List<Row> totals, List<String> charts, List<Row> ledger,
                       boolean compared, int differing, int shown, List<Row> differences) {
    }

    /** One version's heading: its label in its chart colour, and whether it conserved money. */
    record Version(String label, String ruleSet, int version, String hash, String colour, boolean conserved,
                         String violations) {
    }

    /** A table row: its name, then one cell per version (the differences: the spread, then one per version). */
    record Row(String name, List<String> cells) {
    }

    private static Page page(ReplayReport report) {
        List<VersionResult> versions = report.versions();
        List<Version> headings = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            VersionResult v = versions.get(i);
            headings.add(new Version(v.label(), v.ruleSet(), v.version(), v.versionHash(), Charts.colour(i),
                    v.conserved(), String.join("; ", v.violations())));
        }
        List<AccountDifference> shown = report.differences()
                .subList(0, Math.min(DIFFERENCES_SHOWN, report.differences().size()));
        return new Page(String.join(", ", report.symbols()), report.from(), report.to(), report.ticks(),
                report.accounts(), plain(report.settings().liquidationFeeRate()),
                report.settings().haltBehaviour().name(), headings, timeline(versions), totals(versions), charts(report), ledger(versions),
                versions.size() > 1, report.differences().size(), shown.size(),
                shown.stream().map(ReportHtml::difference).toList());
    }

    /** One row per version and first event: the version, the event, its time (UTC) and its detail. */
    private static List<Row> timeline(List<VersionResult> versions) {
        List<Row> rows = new ArrayList<>();
        for (VersionResult v : versions) {
            for (TimelineEvent e : v.timeline()) {
                rows.add(new Row(v.label(), List.of(e.event(), e.time().toString(), e.detail())));
            }
        }
        return rows;
    }

    private static List<Row> totals(List<VersionResult> versions) {
        List<Row> rows = new ArrayList<>();
        rows.add(row("liquidations", versions, v -> String.valueOf(v.totals().liquidations())));
        rows.add(row("accounts liquidated", versions, v -> String.valueOf(v.totals().liquidatedAccounts())));
        rows.add(row("liquidated notional", versions, v -> money(v.totals().liquidatedNotional())));
        rows.add(row("ADL fills", versions, v -> String.valueOf(v.totals().adls())));
        rows.add(row("winners deleveraged", versions, v -> String.valueOf(v.totals().adlAccounts())));
        rows.add(row("ADL notional", versions, v -> money(v.totals().adlNotional())));
        rows.add(row("ADL over-close vs pro rata (base units)", versions, v -> qty(v.totals().adlOverClose())));
        rows.add(row("ADL over-close vs pro rata (notional)", versions, v -> money(v.totals().adlOverCloseNotional())));
        rows.add(row("socialised loss", versions, v -> money(v.totals().socialisedLoss())));
        rows.add(row("bad debt", versions, v -> money(v.totals().badDebt())));
        rows.add(row("liquidation fees", versions, v -> money(v.totals().fees())));
        rows.add(row("insurance fund: opening", versions, v -> money(v.totals().fundOpening())));
        rows.add(row("insurance fund: lowest", versions, v -> money(v.totals().fundLowest())));
        rows.add(row("insurance fund: closing", versions, v -> money(v.totals().fundClosing())));
        rows.add(row("halts / halted ticks", versions, v -> v.totals().halts() + " / " + v.totals().haltedTicks()));
        rows.add(row("reduce-only windows (market-wide)", versions, v -> String.valueOf(v.totals().reduceOnlyWindows())));
        rows.add(row("margin calls", versions, v -> String.valueOf(v.totals().marginCalls())));
        rows.add(row("parameter changes", versions, v -> String.valueOf(v.totals().parameterChanges())));
        rows.add(row("actions deferred by a halt", versions, v -> String.valueOf(v.totals().deferred())));
        rows.add(row("actions the book could not apply", versions, v -> String.valueOf(v.totals().rejected())));
        rows.add(row("open interest at the end (base units)", versions, v -> qty(v.totals().openInterestClosing())));
        return rows;
    }

    private static List<String> charts(ReplayReport report) {
        List<VersionResult> versions = report.versions();
        Duration bucket = bucket(report);
        String per = " per " + bucket.toMinutes() + "-minute bucket";
        return List.of(
                Charts.lines("price", "Mark price (shaded: halted under " + versions.get(0).label() + ")", "quote",
                        versions.subList(0, 1), TickRecord::markPrice, true),
                Charts.bars("liq", "Liquidated notional" + per, "quote", versions, bucket,
                        TickRecord::liquidatedNotional),
                Charts.bars("liqn", "Liquidations" + per, "count", versions, bucket,
                        t -> BigDecimal.valueOf(t.liquidations())),
                Charts.lines("fund", "Insurance fund balance (shaded: halted)", "quote", versions,
                        TickRecord::insuranceFund, true),
                Charts.lines("oi", "Open interest of the book", "base units", versions, TickRecord::openInterest, false),
                Charts.bars("adl", "ADL notional" + per, "quote", versions, bucket, TickRecord::adlNotional),
                Charts.bars("over", "ADL over-close versus pro rata" + per, "base units", versions, bucket,
                        TickRecord::adlOverClose),
                Charts.bars("loss", "Socialised loss and bad debt" + per, "quote", versions, bucket,
                        t -> t.socialisedLoss().add(t.badDebt())));
    }

    /** About 40 bars across the window, at a round width. */
    private static Duration bucket(ReplayReport report) {
        long minutes = Math.max(1, Duration.between(report.from(), report.to()).toMinutes() / 40);
        return Duration.ofMinutes(minutes <= 1 ? 1 : minutes <= 5 ? 5 : minutes <= 15 ? 15 : 60);
    }

    private static List<Row> ledger(List<VersionResult> versions) {
        return versions.get(0).ledger().keySet().stream()
                .map(line -> row(line, versions, v -> money(v.ledger().get(line)))).toList();
    }

    private static Row difference(AccountDifference d) {
        List<String> cells = new ArrayList<>();
        cells.add(money(d.spread()));
        for (AccountOutcome o : d.outcomes()) {
            cells.add(money(o.equity()) + " / " + qty(o.liquidated()) + " / " + qty(o.deleveraged()) + " / "
                    + money(o.socialisedLoss()));
        }
        return new Row(d.account(), cells);
    }

    private static Row row(String name, List<VersionResult> versions, Function<VersionResult, String> cell) {
        return new Row(name, versions.stream().map(cell).toList());
    }

    private static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String qty(BigDecimal value) {
        return plain(value.setScale(6, RoundingMode.HALF_EVEN));
    }

    private static TemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportHtml.class.getClassLoader());
        resolver.setPrefix("com/deleverage/replay/report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
