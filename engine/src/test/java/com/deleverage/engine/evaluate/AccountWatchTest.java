package com.deleverage.engine.evaluate;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.risk.AccountWatch;
import com.deleverage.engine.scenario.Scenario;
import com.deleverage.engine.scenario.ScenarioReader;
import com.deleverage.engine.sweep.SweepBooks;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.deleverage.engine.testing.Snapshots.btc;
import static com.deleverage.engine.testing.Snapshots.cross;
import static com.deleverage.engine.testing.Snapshots.d;
import static com.deleverage.engine.testing.Snapshots.drl;
import static com.deleverage.engine.testing.Snapshots.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy that states an account watch sees only the accounts it promised to act on, and decides the same. */
class AccountWatchTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();
    private final Evaluator evaluator = new Evaluator(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)));

    private static final String WATCH_FROM_ONE_HALF = """
            rule "Watch from one half"
            when
            then
                insertLogical(new com.deleverage.engine.risk.AccountWatch(new java.math.BigDecimal("0.5")));
            end
            """;
    private static final String WARN_EVERY_ACCOUNT_IT_SEES = """
            rule "Warn every account it sees"
            when
                $a : AccountRisk( )
            then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "seen"));
            end
            """;

    // 0.1 BTC at the mark 100,000 in the first tier (0.4%): notional 10,000, maintenance margin 40.
    // "at": wallet 80, PnL 0 -> ratio 40 / 80 = 0.5, exactly the watched ratio.
    // "below": wallet 100 -> ratio 0.4.
    // "bust": entry 101,000 -> PnL 0.1 x (100,000 - 101,000) = -100; wallet 50 -> equity -50, bankrupt.
    private final Snapshot snapshot = of(btc("100000"), cross("at", "80", "0.1", "100000"),
            cross("below", "100", "0.1", "100000"), cross("bust", "50", "0.1", "101000"));

    private CompiledVersion compile(String... rules) {
        return compiler.compile("test", 1, Map.of("policy.drl", drl(String.join("\n", rules)))).compiledVersion()
                .orElseThrow();
    }

    private static List<String> warned(Decision decision) {
        return decision.actions().stream().map(a -> a.action().account()).sorted().toList();
    }

    @Test
    void withoutAWatchEveryAccountIsAFact() {
        CompiledVersion version = compile(WARN_EVERY_ACCOUNT_IT_SEES);
        assertThat(version.accountWatch()).isEmpty();
        assertThat(warned(evaluator.evaluate(version, snapshot))).containsExactly("at", "below", "bust");
    }

    @Test
    void aWatchedPolicySeesOnlyAccountsAtOrAboveItsRatioOrBankruptAndTheOutputKeepsEveryAccount() {
        CompiledVersion version = compile(WATCH_FROM_ONE_HALF, WARN_EVERY_ACCOUNT_IT_SEES);
        assertThat(version.accountWatch()).contains(new AccountWatch(d("0.5")));
        Decision decision = evaluator.evaluate(version, snapshot);
        assertThat(warned(decision)).containsExactly("at", "bust");
        assertThat(decision.accounts()).extracting(a -> a.risk().accountId()).containsExactly("at", "below", "bust");
        assertThat(decision.accounts().get(1).risk().marginRatio()).isEqualByComparingTo("0.4");
    }

    @Test
    void aWatchStatedTwiceKeepsTheLowerRatio() {
        CompiledVersion version = compile(WATCH_FROM_ONE_HALF, """
                rule "Watch from three tenths"
                when
                then
                    insertLogical(new com.deleverage.engine.risk.AccountWatch(new java.math.BigDecimal("0.3")));
                end
                """, WARN_EVERY_ACCOUNT_IT_SEES);
        assertThat(version.accountWatch()).contains(new AccountWatch(d("0.3")));
        // "below" (ratio 0.4) is now watched too
        assertThat(warned(evaluator.evaluate(version, snapshot))).containsExactly("at", "below", "bust");
    }

    @Test
    void aPolicyWhoseRulesFailOnAnEmptySessionWatchesEveryAccount() {
        CompiledVersion version = compile(WATCH_FROM_ONE_HALF, """
                rule "Fails before anything is known"
                salience 10
                when
                then
                    throw new IllegalStateException("no market yet");
                end
                """);
        assertThat(version.accountWatch()).isEmpty();
    }

    @Test
    void aNegativeRatioIsRefused() {
        assertThatThrownBy(() -> new AccountWatch(d("-0.1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }

    /**
     * The reference policy's watch is its margin-call ratio. Its promise: nothing it decides needs an account
     * below that ratio as a fact. Checked on every reference scenario and on a synthetic book at four marks,
     * against the same policy without the watch (every account a fact).
     */
    @Test
    void theReferencePolicyDecidesTheSameWithAndWithoutItsWatch() {
        Map<String, String> files = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
        String parameters = files.get("parameters.drl");
        String watchLine = "    insertLogical(new AccountWatch($params.getMarginCallRatio()));\n";
        assertThat(parameters).contains(watchLine);
        Map<String, String> unwatchedFiles = new TreeMap<>(files);
        unwatchedFiles.put("parameters.drl", parameters.replace(watchLine, ""));
        CompiledVersion watched = compiler.compile("deleveraging", 1, files).compiledVersion().orElseThrow();
        CompiledVersion unwatched = compiler.compile("deleveraging", 2, unwatchedFiles).compiledVersion().orElseThrow();
        assertThat(watched.accountWatch()).contains(new AccountWatch(d("0.8")));
        assertThat(unwatched.accountWatch()).isEmpty();

        List<Snapshot> snapshots = new ArrayList<>();
        ScenarioReader reader = new ScenarioReader();
        files.forEach((path, text) -> {
            if (ScenarioReader.isScenarioFile(path)) {
                reader.read(path, text).stream().map(Scenario::given).forEach(snapshots::add);
            }
        });
        assertThat(snapshots).hasSizeGreaterThanOrEqualTo(16);
        Snapshot book = SweepBooks.book(2000, 5);
        for (String move : List.of("-0.035", "-0.01", "0", "0.02")) {
            snapshots.add(SweepBooks.at(book, SweepBooks.moved(new BigDecimal(move)), book.asOf()));
        }
        int actions = 0;
        for (Snapshot s : snapshots) {
            Decision a = evaluator.evaluate(watched, s);
            Decision b = evaluator.evaluate(unwatched, s);
            assertThat(a.actions()).extracting(DecidedAction::action)
                    .containsExactlyInAnyOrderElementsOf(b.actions().stream().map(DecidedAction::action).toList());
            assertThat(a.accounts()).isEqualTo(b.accounts());
            actions += a.actions().size();
        }
        assertThat(actions).as("the snapshots decide something").isGreaterThan(100);
    }
}
