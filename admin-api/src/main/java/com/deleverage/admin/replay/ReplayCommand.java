package com.deleverage.admin.replay;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.replay.Replay;
import com.deleverage.replay.ReplayPolicy;
import com.deleverage.replay.ReplayProgress;
import com.deleverage.replay.ReplayRequest;
import com.deleverage.replay.ReplaySettings;
import com.deleverage.replay.book.BookJson;
import com.deleverage.replay.path.IntrabarTicks;
import com.deleverage.replay.path.PricePath;
import com.deleverage.replay.report.ReplayReport;
import com.deleverage.replay.report.ReportHtml;
import com.deleverage.replay.report.ReportJson;
import com.deleverage.replay.report.VersionResult;
import com.deleverage.replay.report.VersionTotals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code java -jar deleveraging-platform.jar replay [options]} ({@code ./platform replay [options]} in the
 * repository): replays price files over a book under one or more policy folders and writes {@code report.json}
 * and {@code report.html}, without starting the server.
 * Exit codes: 0 done, 1 the replay failed (e.g. a policy does not compile, a file is malformed), 2 bad options.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = "Replays a price path over a book of accounts under one or more policy versions, side by side, "
                + "and writes report.json and report.html (see docs/backtesting.md).",
        footer = {"", "Example (10 Oct 2025 BTCUSDT crash, reference policy vs the Binance-ranking variant; from the "
                + "repository root, where ./platform runs this jar with $JAVA_HOME/bin/java):",
                "  ./platform replay \\",
                "    --prices market-data/binance_coinm_BTCUSD_PERP-1m-2025-10-10.csv --symbol BTCUSDT \\",
                "    --from 2025-10-10T20:00:00Z --to 2025-10-10T23:00:00Z --accounts 10000 --fund 50000 \\",
                "    --policy reference=rules/deleveraging --variant adl-binance-ranking=rules/variants/adl-binance-ranking \\",
                "    --out target/replay"})
public final class ReplayCommand implements Callable<Integer> {
    /** Account-ticks from which {@code --progress AUTO} shows a progress bar. */
    static final long LONG_RUN = 200_000;

    /** When to draw the progress bar. */
    public enum ProgressMode { AUTO, ALWAYS, NEVER }

    @Spec
    CommandSpec spec;

    @Option(names = "--prices", required = true, paramLabel = "[SYMBOL=]FILE",
            description = {"Price file (repeatable: several markets, merged by time). Klines need their market: "
                    + "SYMBOL=FILE, or --symbol. Layouts: Binance archive klines, timestamp_ms/date klines, "
                    + "timestamp,symbol,markPrice[,indexPrice,fundingRate,openInterest]."})
    List<String> prices = new ArrayList<>();

    @Option(names = "--layout", defaultValue = "AUTO", paramLabel = "LAYOUT",
            description = "Price file layout: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, from the header).")
    ReplayInputs.Layout layout;

    @Option(names = "--intrabar", defaultValue = "OHLC", paramLabel = "MODE",
            description = "Ticks per kline: OHLC (open, wick, wick, close) or CLOSE (default: ${DEFAULT-VALUE}).")
    IntrabarTicks.Mode intrabar;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
            description = "Market of kline files given without SYMBOL= and of the generated book "
                    + "(default: the only market of the path).")
    String symbol;

    @Option(names = "--from", required = true, paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "First instant replayed, UTC (2025-10-10T20:00:00Z).")
    Instant from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "End of the replay, exclusive.")
    Instant to;

    @Option(names = "--history", defaultValue = "PT1H", paramLabel = "DURATION",
            description = "Price history read before --from for the first ticks' 1-hour figures (default: ${DEFAULT-VALUE}).")
    Duration history;

    @Option(names = "--tiers", paramLabel = "[SYMBOL=]FILE",
            description = "Tier table: Binance leverage brackets JSON or a JSON array of riskTiers "
                    + "(default: Binance USD-M BTCUSDT brackets for every market).")
    List<String> tiers = new ArrayList<>();

    @Option(names = "--book", paramLabel = "FILE",
            description = "Book JSON (the evaluation request's accounts, or a bare array) instead of a generated book.")
    Path book;

    @Option(names = "--accounts", paramLabel = "N", description = "Generated book: accounts (default: 1000).")
    Integer accounts;

    @Option(names = "--seed", paramLabel = "N", description = "Generated book: random seed (default: 20251010).")
    Long seed;

    @Option(names = "--open-interest", paramLabel = "BASE",
            description = "Generated book: base units per side (default: 0.1 x accounts).")
    BigDecimal openInterest;

    @Option(names = "--long-share", paramLabel = "P", description = "Generated book: share of longs (default: 0.5).")
    Double longShare;

    @Option(names = "--isolated-share", paramLabel = "P",
            description = "Generated book: share of isolated accounts (default: 0.3).")
    Double isolatedShare;

    @Option(names = "--size-sigma", paramLabel = "S", description = "Generated book: log-normal size sigma (default: 1.5).")
    Double sizeSigma;

    @Option(names = "--entry-spread", paramLabel = "F",
            description = "Generated book: entries within the first price x (1 +- F) (default: 0.03).")
    Double entrySpread;

    @Option(names = "--margin-buffer", paramLabel = "F",
            description = "Generated book: collateral = initial margin x (1 + U(0, F)) (default: 1.0).")
    Double marginBuffer;

    @Option(names = "--rule-set", defaultValue = "deleveraging", paramLabel = "NAME",
            description = "Rule set name the policies are compiled as (default: ${DEFAULT-VALUE}).")
    String ruleSet;

    @Option(names = "--policy", required = true, paramLabel = "LABEL=FOLDER",
            description = "A policy folder to compare (repeatable, in report order); the first is the base of --variant.")
    Map<String, Path> policies = new LinkedHashMap<>();

    @Option(names = "--variant", paramLabel = "LABEL=FOLDER",
            description = "A variant folder laid over the first --policy (only the files that differ).")
    Map<String, Path> variants = new LinkedHashMap<>();

    @Option(names = "--fund", paramLabel = "[SYMBOL=]AMOUNT",
            description = "Insurance fund at --from, for one market or every market (default: none).")
    List<String> funds = new ArrayList<>();

    @Option(names = "--fee-rate", defaultValue = "0.005", paramLabel = "RATE",
            description = "Liquidation fee on the closed notional (default: ${DEFAULT-VALUE}).")
    BigDecimal feeRate;

    @Option(names = "--halt", defaultValue = "LIQUIDATE", paramLabel = "MODE",
            description = "Liquidations during a halt: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReplaySettings.HaltBehaviour halt;

    @Option(names = "--out", defaultValue = "replay-report", paramLabel = "FOLDER",
            description = "Folder for report.json and report.html (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--progress", defaultValue = "AUTO", paramLabel = "WHEN",
            description = "Progress bar on standard error: ${COMPLETION-CANDIDATES} (AUTO: runs of 200,000 "
                    + "account-ticks or more).")
    ProgressMode progress;

    /** Runs the command line; returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command with its error handling: a failed replay prints its reason, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ReplayCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("replay failed: " + message(e)));
            return CommandLine.ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();

        PricePath path = readPath();
        if (path.isEmpty()) {
            throw usage("the price files have no tick between " + from.minus(history) + " and " + to);
        }
        List<String> markets = ReplayInputs.symbols(path);
        String bookSymbol = symbol != null ? symbol : markets.get(0);
        if (!markets.contains(bookSymbol)) {
            throw usage("--symbol " + bookSymbol + " has no price in the files (markets: " + markets + ")");
        }
        if (symbol == null && markets.size() > 1 && book == null) {
            throw usage("the path has several markets " + markets + ": name the generated book's market with --symbol");
        }
        Map<String, List<RiskTier>> tierTables = tierTables(markets);
        Map<String, BigDecimal> fundBalances = fundBalances(markets);

        List<Account> accountsOfBook = book != null ? BookJson.read(book)
                : new ReplayInputs.BookParameters(seed, accounts, openInterest, longShare, isolatedShare, sizeSigma,
                        entrySpread, marginBuffer).generate(bookSymbol,
                        ReplayInputs.firstPrice(path, bookSymbol, from), tierTables.get(bookSymbol));

        err.println("compiling " + (policies.size() + variants.size()) + " policy version(s)...");
        err.flush();
        List<ReplayPolicy> compiled = compilePolicies();

        ReplayRequest request = ReplayRequest.of(path, from, to, accountsOfBook, tierTables, fundBalances, compiled)
                .withSettings(new ReplaySettings(feeRate, ReplaySettings.DEFAULT.fundingInterval(), halt));
        ReplayReport report;
        try (ConsoleProgress bar = ConsoleProgress.open(showProgress(path, accountsOfBook.size(), compiled.size()), err)) {
            report = Replay.run(request.withProgress(bar::update, null));
        }
        Files.createDirectories(out);
        Path json = out.resolve("report.json");
        Path html = out.resolve("report.html");
        Files.writeString(json, ReportJson.write(report), StandardCharsets.UTF_8);
        Files.writeString(html, ReportHtml.write(report), StandardCharsets.UTF_8);
        summary(report, outWriter);
        outWriter.printf("written: %s, %s%n", json, html);
        outWriter.flush();
        return report.conserved() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    private void validate() {
        if (!from.isBefore(to)) {
            throw usage("--from " + from + " must be before --to " + to);
        }
        if (history.isNegative()) {
            throw usage("--history must not be negative");
        }
        if (book != null && (accounts != null || seed != null || openInterest != null || longShare != null
                || isolatedShare != null || sizeSigma != null || entrySpread != null || marginBuffer != null)) {
            throw usage("--book reads a book from a file: leave out the generator options (--accounts, --seed, ...)");
        }
        if (book != null && !Files.isRegularFile(book)) {
            throw usage("--book " + book + ": no such file");
        }
        if (accounts != null && accounts < 2) {
            throw usage("--accounts must be at least 2 (one long, one short)");
        }
        for (Map.Entry<String, Path> entry : policies.entrySet()) {
            requireFolder("--policy", entry);
        }
        for (Map.Entry<String, Path> entry : variants.entrySet()) {
            requireFolder("--variant", entry);
            if (policies.containsKey(entry.getKey())) {
                throw usage("--variant " + entry.getKey() + ": that label is already a --policy; labels must differ");
            }
        }
        if (feeRate.signum() < 0) {
            throw usage("--fee-rate must not be negative");
        }
    }

    private void requireFolder(String option, Map.Entry<String, Path> entry) {
        if (entry.getKey().isBlank()) {
            throw usage(option + " needs a label: LABEL=FOLDER");
        }
        if (!Files.isDirectory(entry.getValue())) {
            throw usage(option + " " + entry.getKey() + "=" + entry.getValue() + ": no such folder");
        }
    }

    private PricePath readPath() {
        List<PricePath> paths = new ArrayList<>();
        for (String value : prices) {
            String[] parts = split(value);
            Path file = Path.of(parts[1]);
            if (!Files.isRegularFile(file)) {
                throw usage("--prices " + value + ": no such file");
            }
            paths.add(ReplayInputs.readPrices(file, layout, parts[0] != null ? parts[0] : symbol, intrabar));
        }
        return PricePath.merge(paths).window(from.minus(history), to);
    }

    private Map<String, List<RiskTier>> tierTables(List<String> markets) {
        Map<String, List<RiskTier>> tables = new TreeMap<>();
        List<RiskTier> everyMarket = null;
        for (String value : tiers) {
            String[] parts = split(value);
            Path file = Path.of(parts[1]);
            if (!Files.isRegularFile(file)) {
                throw usage("--tiers " + value + ": no such file");
            }
            if (parts[0] != null) {
                tables.put(parts[0], ReplayInputs.readTiers(file, parts[0]));
            } else {
                everyMarket = ReplayInputs.readTiers(file, symbol != null ? symbol : markets.get(0));
            }
        }
        for (String market : markets) {
            if (!tables.containsKey(market)) {
                tables.put(market, everyMarket != null ? everyMarket : ReplayInputs.DEFAULT_TIERS);
            }
        }
        tables.keySet().retainAll(markets);
        return tables;
    }

    private Map<String, BigDecimal> fundBalances(List<String> markets) {
        Map<String, BigDecimal> balances = new TreeMap<>();
        for (String value : funds) {
            String[] parts = split(value);
            BigDecimal amount;
            try {
                amount = new BigDecimal(parts[1]);
            } catch (NumberFormatException e) {
                throw usage("--fund " + value + ": not an amount");
            }
            if (amount.signum() < 0) {
                throw usage("--fund " + value + ": must not be negative");
            }
            if (parts[0] == null) {
                markets.forEach(m -> balances.putIfAbsent(m, amount));
            } else {
                balances.put(parts[0], amount);
            }
        }
        return balances;
    }

    private List<ReplayPolicy> compilePolicies() {
        List<ReplayPolicy> compiled = new ArrayList<>();
        Map<String, String> base = null;
        for (Map.Entry<String, Path> entry : policies.entrySet()) {
            Map<String, String> files = PolicyFiles.fromDirectory(entry.getValue());
            base = base == null ? files : base;
            compiled.add(ReplayPolicy.compile(entry.getKey(), ruleSet, 1, files));
        }
        for (Map.Entry<String, Path> entry : variants.entrySet()) {
            compiled.add(ReplayPolicy.compile(entry.getKey(), ruleSet, 1,
                    PolicyFiles.overlay(base, PolicyFiles.fromDirectory(entry.getValue()))));
        }
        return compiled;
    }

    private boolean showProgress(PricePath path, int bookSize, int versions) {
        return switch (progress) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> (long) path.ticks().size() * bookSize * versions >= LONG_RUN;
        };
    }

    private static void summary(ReplayReport report, PrintWriter out) {
        out.printf("%d ticks x %d accounts x %d versions in %.1f s (%.0f account-ticks per second); conserved: %s%n",
                report.ticks(), report.accounts(), report.versions().size(), report.elapsed().toMillis() / 1000.0,
                report.accountTicksPerSecond(), report.conserved());
        out.printf("%-24s %12s %18s %8s %18s %14s %14s %12s%n", "version", "liquidations", "liq. notional", "ADLs",
                "ADL notional", "fund closing", "socialised", "bad debt");
        for (VersionResult v : report.versions()) {
            VersionTotals t = v.totals();
            out.printf("%-24s %12d %18s %8d %18s %14s %14s %12s%n", v.label(), t.liquidations(),
                    cents(t.liquidatedNotional()), t.adls(), cents(t.adlNotional()), cents(t.fundClosing()),
                    cents(t.socialisedLoss()), cents(t.badDebt()));
        }
        out.printf("accounts that end differently: %d%n", report.differences().size());
    }

    private static String cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code SYMBOL=VALUE} or {@code VALUE}: [symbol or null, value]. A path with '=' before a separator is a path. */
    private static String[] split(String value) {
        int eq = value.indexOf('=');
        if (eq > 0 && value.substring(0, eq).matches("[A-Za-z0-9_.:-]+") && !value.substring(0, eq).contains("/")) {
            return new String[] {value.substring(0, eq), value.substring(eq + 1)};
        }
        return new String[] {null, value};
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** ISO-8601 instants; a date-time without zone is UTC. */
    static final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException again) {
                    throw new CommandLine.TypeConversionException("'" + value
                            + "' is not an instant: use 2025-10-10T20:00:00Z");
                }
            }
        }
    }

    /** A progress bar driven by {@link ReplayProgress#fraction()}, or nothing. */
    static final class ConsoleProgress implements AutoCloseable {
        private static final long STEPS = 1000;
        private final me.tongfei.progressbar.ProgressBar bar;
        private String label;

        private ConsoleProgress(me.tongfei.progressbar.ProgressBar bar) {
            this.bar = bar;
        }

        static ConsoleProgress open(boolean show, PrintWriter err) {
            if (!show) {
                return new ConsoleProgress(null);
            }
            err.flush();
            return new ConsoleProgress(new me.tongfei.progressbar.ProgressBarBuilder()
                    .setTaskName("replay")
                    .setInitialMax(STEPS)
                    .setStyle(me.tongfei.progressbar.ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setUnit("%", STEPS / 100)
                    .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err, 110))
                    .build());
        }

        void update(ReplayProgress progress) {
            if (bar == null) {
                return;
            }
            bar.stepTo(Math.round(progress.fraction() * STEPS));
            if (!progress.label().equals(label)) {
                label = progress.label();
                bar.setExtraMessage(label);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
