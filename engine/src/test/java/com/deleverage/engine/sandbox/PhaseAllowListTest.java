package com.deleverage.engine.sandbox;

import com.deleverage.engine.compile.Compilation;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Evaluator;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.accessor.Salience;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.deleverage.engine.testing.Snapshots.btc;
import static com.deleverage.engine.testing.Snapshots.cross;
import static com.deleverage.engine.testing.Snapshots.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A policy may name the platform's phases in its saliences, and reach nothing else through them. */
class PhaseAllowListTest {
    private static final String PHASE = "com/deleverage/engine/phase/Phase";
    private final RuleSetCompiler compiler = new RuleSetCompiler();

    private Compilation compile(String drl) {
        return compiler.compile("test", 1, Map.of("policy.drl", """
                package test;
                import com.deleverage.engine.risk.AccountRisk;
                import com.deleverage.engine.action.MarginCall;
                """ + drl));
    }

    @Test
    void phasesOrderRulesAsTheirNumbersDidAndAFixedOneStaysFixed() {
        Compilation compilation = compile("""
                import com.deleverage.engine.phase.Phase;
                rule "Later"
                    salience Phase.MARGIN_CALLS
                when
                    $a : AccountRisk( riskRank == 1 )
                then
                    insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "later"));
                end
                rule "Ranked"
                    salience ( Phase.LIQUIDATIONS - $a.riskRank )
                when
                    $a : AccountRisk( )
                then
                    insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "ranked"));
                end
                """);
        assertThat(compilation.findings()).isEmpty();

        Salience later = salience(compilation, "Later");
        assertThat(later.isDynamic()).isFalse(); // the number itself, as 'salience 450000000' compiles to
        assertThat(later.getValue()).isEqualTo(450_000_000);
        assertThat(salience(compilation, "Ranked").isDynamic()).isTrue();

        // acct-1 (ratio 1.33) is rank 1, acct-2 (healthy) rank 2: 499,999,999 and 499,999,998 fire before 450,000,000.
        var decision = new Evaluator().evaluate(compilation.compiled(), of(btc("100000"),
                cross("acct-1", "1150", "-0.5", "98000"), cross("acct-2", "10000", "0.1", "90000")));
        assertThat(decision.actions()).extracting(DecidedAction::action)
                .extracting(a -> a.account(), a -> a.reason())
                .containsExactly(tuple("acct-1", "ranked"), tuple("acct-2", "ranked"), tuple("acct-1", "later"));
    }

    @Test
    void onlyTheClassPhaseMayBeImportedNotItsPackage() {
        assertThat(compile("""
                import com.deleverage.engine.phase.*;
                import com.deleverage.engine.phase.PhaseInlining;
                rule "r" when then end
                """).findings()).extracting(Finding::code, Finding::line)
                .containsExactlyInAnyOrder(tuple("FORBIDDEN_IMPORT", 4), tuple("FORBIDDEN_IMPORT", 5));
    }

    @Test
    void throughPhaseAPolicyReadsItsConstantsAndNothingElse() {
        assertThat(compile("""
                import com.deleverage.engine.phase.Phase;
                rule "r"
                    salience ( Phase.class.getName().length() )
                when
                then
                end
                """).findings()).extracting(Finding::code, Finding::line).containsExactly(tuple("FORBIDDEN_API", 5));
        assertThat(compile("""
                import com.deleverage.engine.phase.Phase;
                rule "r"
                when
                then
                    Object fields = Phase.class.getFields();
                end
                """).findings()).extracting(Finding::code).containsExactly("FORBIDDEN_API");

        assertThat(PolicyApi.allowsType(PHASE, Set.of())).isTrue();
        assertThat(PolicyApi.allowsMember(PHASE, "LIQUIDATIONS", "I", Set.of())).isTrue();
        assertThat(PolicyApi.allowsMember(PHASE, "<init>", "()V", Set.of())).isFalse();
        assertThat(PolicyApi.allowsType("com/deleverage/engine/phase/PhaseInlining", Set.of())).isFalse();
        assertThat(PolicyApi.allowsMember("com/deleverage/engine/phase/PhaseInlining", "values", "()Ljava/util/Map;",
                Set.of())).isFalse();
    }

    private static Salience salience(Compilation compilation, String rule) {
        return ((RuleImpl) compilation.compiled().kieBase().getRule("test", rule)).getSalience();
    }
}
