package com.deleverage.engine.compare;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.deleverage.engine.testing.Snapshots.btc;
import static com.deleverage.engine.testing.Snapshots.cross;
import static com.deleverage.engine.testing.Snapshots.drl;
import static com.deleverage.engine.testing.Snapshots.of;
import static org.assertj.core.api.Assertions.assertThat;

class DecisionDiffTest {
    private static final String POLICY = """
            rule "Warn"
            when
                $a : AccountRisk( !bankrupt, marginRatio >= %s, marginRatio < 1 )
            then
                insert(new MarginCall($a.accountId(), null, $a.marginRatio(), "warn at %s"));
            end

            rule "Liquidate"
            when
                $a : AccountRisk( marginRatio >= 1 )
                $p : PositionRisk( accountId == $a.accountId )
            then
                insert(new Liquidate($p.accountId(), $p.symbol(), $p.size().multiply(%s), $p.bankruptcyPrice(), false, "x"));
            end
            """;

    // acct-1: ratio 200/150 = 1.33 (liquidated by both); acct-2: ratio 160/200 = 0.8; acct-3: healthy.
    private final Snapshot book = of(btc("100000"), cross("acct-1", "1150", "-0.5", "98000"),
            cross("acct-2", "1000", "0.4", "102000"), cross("acct-3", "10000", "0.1", "90000"));

    private Decision decide(String warnAt, String closeFraction) {
        CompiledVersion version = new RuleSetCompiler().compile("t", 1, Map.of("p.drl",
                drl(POLICY.formatted(warnAt, warnAt, closeFraction)))).compiled();
        try {
            return new Evaluator().evaluate(version, book);
        } finally {
            version.retire();
        }
    }

    @Test
    void namesExactlyTheActionsAndAccountsThatDiffer() {
        Decision baseline = decide("0.8B", "java.math.BigDecimal.ONE");
        Decision candidate = decide("0.9B", "new java.math.BigDecimal(\"0.5\")");

        DecisionDiff diff = DecisionDiff.between(baseline, candidate);

        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).singleElement().satisfies(a -> {
            assertThat(a.path("type").asText()).isEqualTo("MARGIN_CALL");
            assertThat(a.path("account").asText()).isEqualTo("acct-2");
        });
        assertThat(diff.changed()).singleElement().satisfies(c -> {
            assertThat(c.before().path("quantity").asText()).isEqualTo("0.5");
            assertThat(c.after().path("quantity").asText()).isEqualTo("0.25"); // half of 0.5
            assertThat(c.after().path("account").asText()).isEqualTo("acct-1");
        });
        assertThat(diff.accounts()).containsExactly("acct-1", "acct-2");
    }

    @Test
    void aDecisionDoesNotDifferFromItself() {
        Decision decision = decide("0.8B", "java.math.BigDecimal.ONE");

        assertThat(DecisionDiff.between(decision, decision).isEmpty()).isTrue();
    }
}
