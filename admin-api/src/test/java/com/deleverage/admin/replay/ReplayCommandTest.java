package com.deleverage.admin.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line in-process ({@link CommandLine#execute}) on a small synthetic fixture: a 5-minute BTCUSDT
 * path with a crash at 20:25-20:40 ({@code replay/btc-5m.csv}), a seeded 60-account book, the tests' margin
 * policy against a variant laid over it that only warns ({@code replay/variants/warn-only}).
 */
class ReplayCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    record Run(int exitCode, String out, String err) {
    }

    static Path resource(String name) {
        try {
            return Path.of(ReplayCommandTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Run run(String... args) {
        CommandLine commandLine = ReplayCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The fixture's options; {@code overrides} (option, value pairs) replace or add options, a null value drops one. */
    List<String> fixture(Path out, String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--prices", resource("replay/btc-5m.csv").toString());
        options.put("--symbol", "BTCUSDT");
        options.put("--from", "2025-10-10T20:00:00Z");
        options.put("--to", "2025-10-10T21:00:00Z");
        options.put("--accounts", "60");
        options.put("--seed", "7");
        options.put("--fund", "1000");
        options.put("--policy", "margin=" + resource("test-policies/margin"));
        options.put("--variant", "warn-only=" + resource("replay/variants/warn-only"));
        options.put("--out", out.toString());
        for (int i = 0; i < overrides.length; i += 2) {
            options.put(overrides[i], overrides[i + 1]);
        }
        List<String> args = new ArrayList<>();
        options.forEach((option, value) -> {
            if (value != null) {
                args.add(option);
                args.add(value);
            }
        });
        return args;
    }

    @Test
    void replaysTwoVersionsAndWritesTheJsonAndHtmlReports() throws Exception {
        Path out = temp.resolve("report");
        Run run = run(fixture(out).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("report.json")).isRegularFile();
        assertThat(out.resolve("report.html")).isRegularFile();
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        // 12 five-minute bars of 20:00-21:00, four ticks each.
        assertThat(report.get("ticks").asInt()).isEqualTo(48);
        assertThat(report.get("accounts").asInt()).isEqualTo(60);
        assertThat(report.get("conserved").asBoolean()).isTrue();
        assertThat(report.get("versions")).extracting(v -> v.get("label").asText()).containsExactly("margin", "warn-only");
        // The crash liquidates under the margin policy; the variant only warns.
        assertThat(report.get("versions").get(0).get("totals").get("liquidations").asInt()).isPositive();
        assertThat(report.get("versions").get(1).get("totals").get("liquidations").asInt()).isZero();
        assertThat(report.get("differences")).isNotEmpty();
        assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("<svg");
        assertThat(run.out()).contains("48 ticks x 60 accounts x 2 versions", "conserved: true", "report.json");
    }

    @Test
    void twoRunsWriteByteIdenticalJson() throws Exception {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        assertThat(run(fixture(first).toArray(String[]::new)).exitCode()).isZero();
        assertThat(run(fixture(second, "--progress", "ALWAYS").toArray(String[]::new)).exitCode()).isZero();
        assertThat(Files.readAllBytes(second.resolve("report.json"))).isEqualTo(Files.readAllBytes(first.resolve("report.json")));
    }

    @Test
    void aBookFileAndAMarkPriceFileAreReadToo() throws Exception {
        Path marks = temp.resolve("marks.csv");
        Files.writeString(marks, """
                timestamp,symbol,markPrice
                2025-10-10T20:00:00Z,BTCUSDT,100000
                2025-10-10T20:01:00Z,BTCUSDT,98000
                2025-10-10T20:02:00Z,BTCUSDT,98000
                """);
        Path book = temp.resolve("book.json");
        Files.writeString(book, """
                [{"id": "L1", "walletBalance": "1000", "marginMode": "CROSS",
                  "positions": [{"symbol": "BTCUSDT", "quantity": "1", "entryPrice": "100000", "leverage": 100}]},
                 {"id": "S1", "walletBalance": "5000", "marginMode": "CROSS",
                  "positions": [{"symbol": "BTCUSDT", "quantity": "-1", "entryPrice": "100000", "leverage": 20}]}]
                """);
        Path out = temp.resolve("book-report");
        Run run = run("--prices", marks.toString(), "--book", book.toString(), "--fund", "BTCUSDT=600",
                "--from", "2025-10-10T20:00:00Z", "--to", "2025-10-10T20:03:00Z",
                "--policy", "margin=" + resource("test-policies/margin"), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("ticks").asInt()).isEqualTo(3);
        assertThat(report.get("accounts").asInt()).isEqualTo(2);
        assertThat(report.get("versions").get(0).get("totals").get("liquidations").asInt()).isEqualTo(1);
        assertThat(report.get("versions").get(0).get("totals").get("fundOpening").asText()).isEqualTo("600");
    }

    @Test
    void aMissingRequiredOptionPrintsTheUsageAndExitsWithTwo() {
        Run run = run("--prices", resource("replay/btc-5m.csv").toString(),
                "--from", "2025-10-10T20:00:00Z", "--to", "2025-10-10T21:00:00Z");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--policy=LABEL=FOLDER'").contains("Usage: replay");
        assertThat(temp.resolve("replay-report")).doesNotExist();
    }

    @Test
    void badValuesAreNamedWithTheUsage() {
        List<String> withUnknown = fixture(temp.resolve("w"));
        withUnknown.add("--bogus");
        Run unknown = run(withUnknown.toArray(String[]::new));
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--bogus'");

        Run badInstant = run(fixture(temp.resolve("x"), "--from", "yesterday").toArray(String[]::new));
        assertThat(badInstant.exitCode()).isEqualTo(2);
        assertThat(badInstant.err()).contains("'yesterday' is not an instant");

        Run backwards = run(fixture(temp.resolve("y"), "--to", "2025-10-10T19:00:00Z").toArray(String[]::new));
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--from 2025-10-10T20:00:00Z must be before --to 2025-10-10T19:00:00Z")
                .contains("Usage: replay");

        Run noFolder = run(fixture(temp.resolve("z"), "--policy", "other=" + temp.resolve("nowhere")).toArray(String[]::new));
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertThat(noFolder.err()).contains("no such folder");
    }

    @Test
    void aPolicyThatDoesNotCompileFailsWithItsErrorAndExitCodeOne() throws Exception {
        Path broken = Files.createDirectories(temp.resolve("broken"));
        Files.writeString(broken.resolve("broken.drl"), "package deleveraging;\nrule \"no end\"\nwhen\nthen\n");
        Run run = run(fixture(temp.resolve("out"), "--policy", "broken=" + broken).toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("replay failed: policy 'broken' does not compile");
        assertThat(temp.resolve("out")).doesNotExist();
    }
}
