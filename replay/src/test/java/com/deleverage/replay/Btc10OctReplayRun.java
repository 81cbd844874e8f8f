package com.deleverage.replay;

import com.deleverage.replay.report.ReplayReport;
import com.deleverage.replay.report.ReportHtml;
import com.deleverage.replay.report.ReportJson;
import com.deleverage.replay.report.VersionResult;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The documented longer run of docs/backtesting.md (not a unit test): replays 10 Oct 2025 20:00-23:00 UTC
 * over a seeded book with the reference policy and the adl-binance-ranking variant, writes replay.json and
 * replay.html, and prints the throughput. Arguments: accounts (10000), source (COINM_1M or USDM_5M), output
 * folder.
 *
 * <pre>
 * ./mvnw -B -q -pl replay -am test-compile exec:java@run \
 *   -Dexec.mainClass=com.deleverage.replay.Btc10OctReplayRun -Dexec.args="10000 COINM_1M /tmp/replay"
 * </pre>
 */
public final class Btc10OctReplayRun {
    private Btc10OctReplayRun() {
    }

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Btc10Oct.Source source = args.length > 1 ? Btc10Oct.Source.valueOf(args[1]) : Btc10Oct.Source.COINM_1M;
        Path out = Path.of(args.length > 2 ? args[2] : "target/replay");
        ReplayRequest request = Btc10Oct.request(source, accounts, Btc10Oct.policies())
                .withProgress(p -> {
                    if (p.tick() % 60 == 0 || p.tick() == p.ticks()) {
                        System.err.printf("%-20s %4d/%d %s %5.1f%%%n", p.label(), p.tick(), p.ticks(), p.time(), 100 * p.fraction());
                    }
                }, null);
        ReplayReport report = Replay.run(request);
        Files.createDirectories(out);
        Files.writeString(out.resolve("replay.json"), ReportJson.write(report));
        Files.writeString(out.resolve("replay.html"), ReportHtml.write(report));
        System.out.printf("%d ticks x %d accounts x %d versions in %.1f s: %.0f account-ticks per second (%s, %d cores, JDK %s)%n",
                report.ticks(), report.accounts(), report.versions().size(), report.elapsed().toMillis() / 1000.0,
                report.accountTicksPerSecond(), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        for (VersionResult v : report.versions()) {
            System.out.println(v.label() + ": " + RealismFigures.of(v, request.book(),
                    Btc10Oct.OI_PER_ACCOUNT.multiply(BigDecimal.valueOf(accounts))));
        }
        System.out.println("conserved: " + report.conserved() + "; written to " + out.toAbsolutePath()
                + " (JVM " + ManagementFactory.getRuntimeMXBean().getVmName() + ")");
    }
}
