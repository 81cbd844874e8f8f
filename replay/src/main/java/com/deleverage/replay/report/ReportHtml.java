package com.deleverage.replay.report;

import com.deleverage.engine.json.PlatformJson;
import com.deleverage.replay.ReplayReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One self-contained HTML page: the charts inline as SVG, the totals, the ledger and the accounts that
 * differ, with no script, no stylesheet and no image from elsewhere — it opens from a file, a mail
 * attachment or an approval ticket without the server.
 */
public final class ReportHtml {
    /** Accounts listed in the page; the JSON has them all. */
    static final int DIFFERENCES_SHOWN = 50;

    private ReportHtml() {
    }

    public static String write(ReplayReport report) {
        List<VersionResult> versions = report.versions();
        Duration bucket = bucket(report);
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Replay ")
                .append(esc(String.join(", ", report.symbols()))).append(' ').append(report.from()).append(" to ")
                .append(report.to()).append("</title>\n<style>\n")
                .append("body{font-family:DejaVu Sans,Arial,sans-serif;margin:24px;color:#222;max-width:1320px}\n")
                .append("table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ccc;padding:4px 10px;")
                .append("text-align:right;font-size:13px}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}\n")
                .append(".ok{color:#1a7f37;font-weight:bold}.bad{color:#b91c1c;font-weight:bold}")
                .append("figure{margin:0 0 12px}h2{margin-top:28px}.note{color:#555;font-size:13px}\n")
                .append("</style></head><body>\n");
        html.append("<h1>Policy replay: ").append(esc(String.join(", ", report.symbols()))).append("</h1>\n")
                .append("<p>").append(report.from()).append(" to ").append(report.to()).append(" &middot; ")
                .append(report.ticks()).append(" ticks &middot; ").append(report.accounts()).append(" accounts &middot; ")
                .append("liquidation fee ").append(PlatformJson.plain(report.settings().liquidationFeeRate()))
                .append(" &middot; halts: ").append(report.settings().haltBehaviour()).append("</p>\n<p>");
        for (int i = 0; i < versions.size(); i++) {
            VersionResult v = versions.get(i);
            html.append("<span style=\"color:#").append(hex(i)).append(";font-weight:bold\">&#9632; ")
                    .append(esc(v.label())).append("</span> ").append(esc(v.ruleSet())).append(" v").append(v.version())
                    .append(" <span class=\"note\">").append(esc(v.versionHash())).append("</span><br>\n");
        }
        html.append("</p>\n<h2>Totals</h2>\n").append(totals(versions));
        html.append("<h2>Charts</h2>\n");
        String bucketText = bucket.toMinutes() + "-minute";
        figure(html, Charts.lines("price", "Mark price (shaded: halted)", "quote", versions.subList(0, 1),
                TickRecord::markPrice, false));
        figure(html, Charts.bars("liq", "Liquidated notional per " + bucketText + " bucket", "quote", versions, bucket,
                TickRecord::liquidatedNotional));
        figure(html, Charts.bars("liqn", "Liquidations per " + bucketText + " bucket", "count", versions, bucket,
                t -> BigDecimal.valueOf(t.liquidations())));
        figure(html, Charts.lines("fund", "Insurance fund balance (shaded: halted)", "quote", versions,
                TickRecord::insuranceFund, true));
        figure(html, Charts.lines("oi", "Open interest of the book", "base units", versions,
                TickRecord::openInterest, false));
        figure(html, Charts.bars("adl", "ADL notional per " + bucketText + " bucket", "quote", versions, bucket,
                TickRecord::adlNotional));
        figure(html, Charts.bars("over", "ADL over-close versus pro rata per " + bucketText + " bucket", "base units",
                versions, bucket, TickRecord::adlOverClose));
        figure(html, Charts.bars("loss", "Socialised loss and bad debt per " + bucketText + " bucket", "quote", versions,
                bucket, t -> t.socialisedLoss().add(t.badDebt())));
        html.append("<h2>Conservation</h2>\n").append(ledger(versions));
        html.append("<h2>Accounts that differ</h2>\n").append(differences(report));
        html.append("<p class=\"note\">Produced by the replay tool (com.deleverage.replay). ")
                .append("Every figure is exact in the JSON report; this page rounds to the cent.</p>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    private static Duration bucket(ReplayReport report) {
        long minutes = Math.max(1, Duration.between(report.from(), report.to()).toMinutes() / 40);
        return Duration.ofMinutes(minutes <= 1 ? 1 : minutes <= 5 ? 5 : minutes <= 15 ? 15 : 60);
    }

    private static void figure(StringBuilder html, String svg) {
        html.append("<figure>").append(svg).append("</figure>\n");
    }

    private static String totals(List<VersionResult> versions) {
        StringBuilder t = new StringBuilder("<table><tr><th>figure</th>");
        versions.forEach(v -> t.append("<th>").append(esc(v.label())).append("</th>"));
        t.append("</tr>\n");
        row(t, "liquidations", versions, v -> String.valueOf(v.totals().liquidations()));
        row(t, "accounts liquidated", versions, v -> String.valueOf(v.totals().liquidatedAccounts()));
        row(t, "liquidated notional", versions, v -> money(v.totals().liquidatedNotional()));
        row(t, "ADL fills", versions, v -> String.valueOf(v.totals().adls()));
        row(t, "winners deleveraged", versions, v -> String.valueOf(v.totals().adlAccounts()));
        row(t, "ADL notional", versions, v -> money(v.totals().adlNotional()));
        row(t, "ADL over-close vs pro rata (base units)", versions, v -> qty(v.totals().adlOverClose()));
        row(t, "ADL over-close vs pro rata (notional)", versions, v -> money(v.totals().adlOverCloseNotional()));
        row(t, "socialised loss", versions, v -> money(v.totals().socialisedLoss()));
        row(t, "bad debt", versions, v -> money(v.totals().badDebt()));
        row(t, "liquidation fees", versions, v -> money(v.totals().fees()));
        row(t, "insurance fund: opening", versions, v -> money(v.totals().fundOpening()));
        row(t, "insurance fund: lowest", versions, v -> money(v.totals().fundLowest()));
        row(t, "insurance fund: closing", versions, v -> money(v.totals().fundClosing()));
        row(t, "halts / halted ticks", versions, v -> v.totals().halts() + " / " + v.totals().haltedTicks());
        row(t, "margin calls", versions, v -> String.valueOf(v.totals().marginCalls()));
        row(t, "parameter changes", versions, v -> String.valueOf(v.totals().parameterChanges()));
        row(t, "actions deferred by a halt", versions, v -> String.valueOf(v.totals().deferred()));
        row(t, "actions the book could not apply", versions, v -> String.valueOf(v.totals().rejected()));
        row(t, "open interest at the end (base units)", versions, v -> qty(v.totals().openInterestClosing()));
        return t.append("</table>\n").toString();
    }

    private static String ledger(List<VersionResult> versions) {
        StringBuilder t = new StringBuilder("<p>collateral in = collateral out + fees + socialised loss; fund change = ")
                .append("fees + surplus + socialised to fund &minus; fund draws; deficits = draws + socialised used + bad debt.</p>\n")
                .append("<table><tr><th>line</th>");
        versions.forEach(v -> t.append("<th>").append(esc(v.label())).append("</th>"));
        t.append("</tr>\n");
        row(t, "conserved", versions, v -> v.conserved() ? "<span class=\"ok\">yes, to the last digit</span>"
                : "<span class=\"bad\">NO: " + esc(String.join("; ", v.violations())) + "</span>");
        for (String line : versions.get(0).ledger().keySet()) {
            row(t, line, versions, v -> money(v.ledger().get(line)));
        }
        return t.append("</table>\n").toString();
    }

    private static String differences(ReplayReport report) {
        if (report.versions().size() < 2) {
            return "<p>One version only: nothing to compare.</p>\n";
        }
        StringBuilder t = new StringBuilder("<p>").append(report.differences().size())
                .append(" accounts end differently; the ").append(Math.min(DIFFERENCES_SHOWN, report.differences().size()))
                .append(" with the largest spread of final equity (collateral plus open PnL at the last mark) are listed (all are in the JSON).</p>\n")
                .append("<table><tr><th>account</th><th>spread</th>");
        report.versions().forEach(v -> t.append("<th>").append(esc(v.label())).append(": equity / liquidated / ADL'd / socialised</th>"));
        t.append("</tr>\n");
        for (AccountDifference d : report.differences().subList(0, Math.min(DIFFERENCES_SHOWN, report.differences().size()))) {
            t.append("<tr><td>").append(esc(d.account())).append("</td><td>").append(money(d.spread())).append("</td>");
            for (AccountOutcome o : d.outcomes()) {
                t.append("<td>").append(money(o.equity())).append(" / ").append(qty(o.liquidated())).append(" / ")
                        .append(qty(o.deleveraged())).append(" / ").append(money(o.socialisedLoss())).append("</td>");
            }
            t.append("</tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static void row(StringBuilder t, String name, List<VersionResult> versions, Function<VersionResult, String> cell) {
        t.append("<tr><td>").append(esc(name)).append("</td>");
        versions.forEach(v -> t.append("<td>").append(cell.apply(v)).append("</td>"));
        t.append("</tr>\n");
    }

    private static String money(BigDecimal value) {
        return String.format(java.util.Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String qty(BigDecimal value) {
        return PlatformJson.plain(value.setScale(6, RoundingMode.HALF_EVEN));
    }

    private static String hex(int index) {
        return String.format("%06x", Charts.PALETTE[index % Charts.PALETTE.length].getRGB() & 0xffffff);
    }

    static String esc(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

}
