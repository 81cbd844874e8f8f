package com.deleverage.engine.compile;

import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.model.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A compiled version's rules cannot be changed while it is in use, whoever holds its knowledge base. */
class SealedKnowledgeBaseTest {
    private static final String POLICY = """
            package sealed;
            import com.deleverage.engine.evaluate.EvaluationContext;
            import com.deleverage.engine.action.HaltTrading;

            rule "Halt"
            when
                $c : EvaluationContext()
            then
                insert(new HaltTrading("BTCUSDT", $c.asOf(), "sealed"));
            end
            """;

    @Test
    void removingARuleIsRefusedAndTheRuleStillDecides() {
        CompiledVersion version = new RuleSetCompiler().compile("sealed", 1, Map.of("p.drl", POLICY)).compiled();

        assertThatThrownBy(() -> version.kieBase().removeRule("sealed", "Halt"))
                .isInstanceOf(SecurityException.class)
                .hasMessageContaining("sealed: removing the rule \"Halt\" is refused");
        assertThat(version.kieBase().getRule("sealed", "Halt")).isNotNull();

        Decision decision = new Evaluator().evaluate(version,
                new Snapshot("sealed", Instant.parse("2025-10-10T21:15:00Z"), List.of(), List.of(), List.of()));
        assertThat(decision.firedRules()).extracting(r -> r.rule()).containsExactly("Halt");
        version.retire();
        assertThat(version.isDisposed()).isTrue();
    }
}
