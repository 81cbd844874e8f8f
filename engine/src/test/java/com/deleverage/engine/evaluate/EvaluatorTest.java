package com.deleverage.engine.evaluate;

import com.deleverage.engine.action.ActionType;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static com.deleverage.engine.testing.Snapshots.btc;
import static com.deleverage.engine.testing.Snapshots.cross;
import static com.deleverage.engine.testing.Snapshots.d;
import static com.deleverage.engine.testing.Snapshots.drl;
import static com.deleverage.engine.testing.Snapshots.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EvaluatorTest {
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    // acct-1: short 0.5 @ 98000, wallet 1150, mark 100000 -> equity 150, MM 200, ratio 1.33: liquidate.
    // acct-2: long 0.1 @ 90000, wallet 10000 -> healthy.
    private final Snapshot book = of(btc("100000"), cross("acct-1", "1150", "-0.5", "98000"),
            cross("acct-2", "10000", "0.1", "90000"));

    /** Updating the fact a rule matched re-activates the rule: it fires forever. */
    private static final String LOOPS_FOREVER = """
            rule "Loops forever"
            when
                $a : AccountRisk( )
            then
                update($a);
            end
            """;

    private CompiledVersion compile(String rules) {
        var result = compiler.compile("test", 1, Map.of("policy.drl", drl(rules)));
        assertThat(result.findings()).isEmpty();
        return result.compiled();
    }

    @Test
    void actionsAreAttributedToTheRuleAndFileThatInsertedThem() {
        CompiledVersion version = compile("""
                rule "Liquidate at 100%"
                when
                    $p : PositionRisk( marginRatio >= 1 )
                then
                    insert(new Liquidate($p.accountId(), $p.symbol(), $p.size(), $p.bankruptcyPrice(), false, "r"));
                end
                """);

        Decision decision = new Evaluator().evaluate(version, book);

        assertThat(decision.actions()).extracting(DecidedAction::action, DecidedAction::rule, DecidedAction::file)
                .containsExactly(tuple(new Liquidate("acct-1", "BTCUSDT", d("0.5"), d("100300.00000000"), false, "r"),
                        "Liquidate at 100%", "policy.drl"));
        assertThat(decision.firedRules()).containsExactly(new FiredRule("Liquidate at 100%", "policy.drl", 1));
        assertThat(decision.version()).isEqualTo(1);
        assertThat(decision.versionHash()).isEqualTo(version.hash());
        assertThat(decision.accounts()).extracting(a -> a.risk().accountId()).containsExactly("acct-1", "acct-2");
    }

    @Test
    void eachActionIsExplainedByTheFactsItsRuleMatched() {
        CompiledVersion version = compile("""
                rule "Liquidate the account's positions"
                when
                    $a : AccountRisk( marginRatio >= 1 )
                    $p : PositionRisk( accountId == $a.accountId )
                then
                    insert(new Liquidate($p.accountId(), $p.symbol(), $p.size(), $p.bankruptcyPrice(), false, "r"));
                end
                """);

        Decision decision = new Evaluator().evaluate(version, book);

        var explanation = DecisionView.action(decision.actions().get(0)).path("explanation");
        assertThat(explanation.path("rule").asText()).isEqualTo("Liquidate the account's positions");
        assertThat(explanation.path("file").asText()).isEqualTo("policy.drl");
        var facts = explanation.path("facts");
        assertThat(facts).hasSize(2);
        // acct-1: equity 1150 - 1000 = 150, MM 200, ratio 1.3333333333, the riskiest of two accounts
        assertThat(facts.get(0).path("fact").asText()).isEqualTo("AccountRisk");
        assertThat(facts.get(0).path("accountId").asText()).isEqualTo("acct-1");
        assertThat(facts.get(0).path("equity").asText()).isEqualTo("150");
        assertThat(facts.get(0).path("marginRatio").asText()).isEqualTo("1.3333333333");
        assertThat(facts.get(0).path("riskRank").asInt()).isEqualTo(1);
        assertThat(facts.get(0).has("account")).isFalse();
        assertThat(facts.get(1).path("fact").asText()).isEqualTo("PositionRisk");
        assertThat(facts.get(1).path("tierNumber").asInt()).isEqualTo(1);
        assertThat(facts.get(1).path("bankruptcyPrice").asText()).isEqualTo("100300");
        assertThat(facts.get(1).path("marginMode").asText()).isEqualTo("CROSS");
        assertThat(facts.get(1).has("olated")).as("a field name cut from isolated()").isFalse();
    }

    @Test
    void anActionDeletedByALaterRuleIsNotPartOfTheDecision() {
        CompiledVersion version = compile("""
                rule "Warn everyone"
                salience 10
                when
                    $a : AccountRisk( )
                then
                    insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn"));
                end

                rule "A liquidation supersedes the margin call"
                when
                    $a : AccountRisk( marginRatio >= 1 )
                    $call : MarginCall( account == $a.accountId )
                then
                    delete($call);
                end
                """);

        Decision decision = new Evaluator().evaluate(version, book);

        assertThat(decision.actions()).extracting(a -> a.action().type(), a -> a.action().account())
                .containsExactly(tuple(ActionType.MARGIN_CALL, "acct-2"));
    }

    @Test
    void aPolicyThatRetriggersItselfFailsAtTheFiringLimit() {
        CompiledVersion version = compile(LOOPS_FOREVER);
        Evaluator evaluator = new Evaluator(new EvaluationLimits(500, Duration.ofSeconds(30)));

        assertThatThrownBy(() -> evaluator.evaluate(version, book))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.RULE_FIRING_LIMIT);
                    assertThat(e.rule()).isEqualTo("Loops forever");
                    assertThat(e.getMessage()).contains("fired 500 rules", "re-triggers itself");
                });
    }

    /** Sessions are pooled per version: one left by a failed evaluation carries nothing into the next. */
    @Test
    void anEvaluationAfterAFailedOneStartsFromAnEmptySession() {
        CompiledVersion version = compile("""
                rule "Loops on the account named loop"
                when
                    $a : AccountRisk( accountId == "loop" )
                then
                    update($a);
                end
                rule "Warn every account"
                when
                    $a : AccountRisk( )
                then
                    insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "seen"));
                end
                """);
        Evaluator evaluator = new Evaluator(new EvaluationLimits(500, Duration.ofSeconds(10)));
        Snapshot looping = of(btc("100000"), cross("loop", "10000", "0.1", "90000"));
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> evaluator.evaluate(version, looping))
                    .isInstanceOfSatisfying(EvaluationFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.RULE_FIRING_LIMIT));
            Decision decision = evaluator.evaluate(version, book);
            assertThat(decision.actions()).extracting(a -> a.action().account()).containsExactlyInAnyOrder("acct-1", "acct-2");
            assertThat(decision.ruleFirings()).isEqualTo(2);
        }
    }

    @Test
    void aPolicyThatLoopsPastTheDeadlineFailsAtTheTimeLimit() {
        CompiledVersion version = compile(LOOPS_FOREVER);
        Evaluator evaluator = new Evaluator(new EvaluationLimits(Integer.MAX_VALUE, Duration.ofMillis(200)));

        assertThatThrownBy(() -> evaluator.evaluate(version, book))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.TIME_LIMIT);
                    assertThat(e.getMessage()).contains("time limit of 200 ms");
                });
    }

    @Test
    void aRuleThatThrowsFailsTheEvaluationNamingTheRule() {
        CompiledVersion version = compile("""
                rule "Divides by zero"
                when
                    $a : AccountRisk( accountId == "acct-2" )
                then
                    insert(new MarginCall($a.accountId(), null, $a.equity().divide(java.math.BigDecimal.ZERO), "x"));
                end
                """);

        assertThatThrownBy(() -> new Evaluator().evaluate(version, book))
                .isInstanceOfSatisfying(EvaluationFailedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluationFailedException.Reason.RULE_ERROR);
                    assertThat(e.rule()).isEqualTo("Divides by zero");
                    assertThat(e.getMessage()).contains("ArithmeticException");
                });
    }

    @Test
    void anInvalidSnapshotIsRefusedBeforeAnyRuleRuns() {
        CompiledVersion version = compile("""
                rule "Anything"
                when
                    AccountRisk( )
                then
                end
                """);
        Snapshot unknownMarket = new Snapshot("test", book.asOf(), book.markets(), book.insuranceFunds(),
                java.util.List.of(new com.deleverage.engine.model.Account("acct-9", d("100"),
                        com.deleverage.engine.model.MarginMode.CROSS, java.util.List.of(
                        new com.deleverage.engine.model.Position("ETHUSDT", d("1"), d("4000"), 10, null)))));

        assertThatThrownBy(() -> new Evaluator().evaluate(version, unknownMarket))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message())
                        .containsExactly("accounts[0].positions[0].symbol: unknown market 'ETHUSDT': not in markets"));
    }
}
