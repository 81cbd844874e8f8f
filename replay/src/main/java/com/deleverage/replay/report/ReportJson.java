package com.deleverage.replay.report;

import com.deleverage.engine.json.PlatformJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import static com.deleverage.engine.json.PlatformJson.plain;

/**
 * The report as JSON. Deterministic byte for byte: fields in a fixed order (the order written here, maps by
 * sorted key), decimals as plain strings without trailing zeros ({@link PlatformJson#plain}), "\n" line
 * ends on every platform, no wall-clock figures. Per-tick money is exact; per-account figures are exact.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = PlatformJson.mapper();

    private ReportJson() {
    }

    public static String write(ReplayReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        ArrayNode symbols = root.putArray("symbols");
        report.symbols().forEach(symbols::add);
        root.put("ticks", report.ticks());
        root.put("accounts", report.accounts());
        ObjectNode settings = root.putObject("settings");
        settings.put("liquidationFeeRate", plain(report.settings().liquidationFeeRate()));
        settings.put("fundingInterval", report.settings().fundingInterval().toString());
        settings.put("haltBehaviour", report.settings().haltBehaviour().name());
        root.put("conserved", report.conserved());
        ArrayNode versions = root.putArray("versions");
        for (VersionResult v : report.versions()) {
            versions.add(version(v));
        }
        ArrayNode labels = root.putArray("differenceColumns");
        report.versions().forEach(v -> labels.add(v.label()));
        ArrayNode differences = root.putArray("differences");
        for (AccountDifference d : report.differences()) {
            ObjectNode node = differences.addObject();
            node.put("account", d.account());
            node.put("equitySpread", plain(d.spread()));
            ArrayNode outcomes = node.putArray("outcomes");
            d.outcomes().forEach(o -> outcomes.add(outcome(o)));
        }
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the replay report", e);
        }
    }

    private static ObjectNode version(VersionResult v) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("label", v.label());
        node.put("ruleSet", v.ruleSet());
        node.put("version", v.version());
        node.put("versionHash", v.versionHash());
        node.put("conserved", v.conserved());
        ArrayNode violations = node.putArray("violations");
        v.violations().forEach(violations::add);
        VersionTotals t = v.totals();
        ObjectNode totals = node.putObject("totals");
        totals.put("liquidations", t.liquidations());
        totals.put("liquidatedNotional", cents(t.liquidatedNotional()));
        totals.put("liquidatedAccounts", t.liquidatedAccounts());
        totals.put("adls", t.adls());
        totals.put("adlNotional", cents(t.adlNotional()));
        totals.put("adlAccounts", t.adlAccounts());
        totals.put("adlOverCloseQuantity", plain(t.adlOverClose()));
        totals.put("adlOverCloseNotional", cents(t.adlOverCloseNotional()));
        totals.put("socialisedLoss", plain(t.socialisedLoss()));
        totals.put("badDebt", plain(t.badDebt()));
        totals.put("fees", plain(t.fees()));
        totals.put("fundOpening", plain(t.fundOpening()));
        totals.put("fundClosing", plain(t.fundClosing()));
        totals.put("fundLowest", plain(t.fundLowest()));
        totals.put("haltedTicks", t.haltedTicks());
        totals.put("halts", t.halts());
        totals.put("reduceOnlyWindows", t.reduceOnlyWindows());
        totals.put("marginCalls", t.marginCalls());
        totals.put("parameterChanges", t.parameterChanges());
        totals.put("deferred", t.deferred());
        totals.put("rejected", t.rejected());
        totals.put("openInterestClosing", plain(t.openInterestClosing()));
        ObjectNode ledger = node.putObject("ledger");
        for (Map.Entry<String, BigDecimal> line : v.ledger().entrySet()) {
            ledger.put(line.getKey(), plain(line.getValue()));
        }
        ArrayNode timeline = node.putArray("timeline");
        for (TimelineEvent e : v.timeline()) {
            timeline.addObject().put("event", e.event()).put("time", e.time().toString()).put("detail", e.detail());
        }
        ObjectNode notes = node.putObject("rejectedActions");
        v.notes().forEach(notes::put);
        ArrayNode series = node.putArray("series");
        for (TickRecord r : v.series()) {
            ObjectNode tick = series.addObject();
            tick.put("time", r.time().toString());
            tick.put("markPrice", plain(r.markPrice()));
            tick.put("insuranceFund", plain(r.insuranceFund()));
            tick.put("openInterest", plain(r.openInterest()));
            tick.put("liquidations", r.liquidations());
            tick.put("liquidatedNotional", plain(r.liquidatedNotional()));
            tick.put("adls", r.adls());
            tick.put("adlNotional", plain(r.adlNotional()));
            tick.put("adlOverClose", plain(r.adlOverClose()));
            tick.put("socialisedLoss", plain(r.socialisedLoss()));
            tick.put("badDebt", plain(r.badDebt()));
            tick.put("halted", r.halted());
            tick.put("reduceOnly", r.reduceOnly());
            tick.put("deferred", r.deferred());
        }
        return node;
    }

    private static ObjectNode outcome(AccountOutcome o) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("collateral", plain(o.collateral()));
        node.put("equity", plain(o.equity()));
        node.put("position", plain(o.position()));
        node.put("liquidated", plain(o.liquidated()));
        node.put("deleveraged", plain(o.deleveraged()));
        node.put("socialisedLoss", plain(o.socialisedLoss()));
        return node;
    }

    /** Notional figures in totals, rounded half-even to the cent for reading; the series keep them exact. */
    static String cents(BigDecimal value) {
        return plain(value.setScale(2, RoundingMode.HALF_EVEN));
    }
}
