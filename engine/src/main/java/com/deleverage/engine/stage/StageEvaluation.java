package com.deleverage.engine.stage;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.Stage;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.evaluate.FactsEvaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One tick of one stage: a fresh evaluation of the stage's knowledge base (the version without the other stage's
 * rules), whose every action must come from a rule tagged with that stage: an untagged rule runs in both stages,
 * so an action of its would be decided twice.
 */
final class StageEvaluation {
    private StageEvaluation() {
    }

    /**
     * @param whole the active version, leased by the caller for the call
     * @param facts the facts to insert besides the context, given the stage's compiled version
     * @param keep  which of the stage's actions are this node's
     */
    static StageTick run(Evaluator evaluator, CompiledVersion whole, Stage stage, Instant at,
                         Function<CompiledVersion, Collection<?>> facts, Predicate<DecidedAction> keep) {
        CompiledVersion part = whole.stage(stage);
        FactsEvaluation<Map<String, AccountHandover>> run = evaluator.evaluateFacts(part, at, () -> facts.apply(part),
                session -> stage == Stage.ACCOUNT ? HandoverFacts.read(session, part.handoverTypes()) : Map.of());
        List<DecidedAction> kept = new ArrayList<>();
        for (DecidedAction decided : run.actions()) {
            requireStaged(part, stage, decided);
            if (keep.test(decided)) {
                kept.add(decided);
            }
        }
        return new StageTick(at, whole.ruleSet(), whole.version(), whole.hash(), kept, run.read());
    }

    private static void requireStaged(CompiledVersion part, Stage stage, DecidedAction decided) {
        if (part.stageOf(decided.rule()).orElse(null) != stage) {
            throw new EvaluationFailedException(EvaluationFailedException.Reason.RULE_ERROR, decided.rule(),
                    "rule \"" + decided.rule() + "\" inserted a " + decided.action().type() + " action but has no @stage"
                            + " tag: an untagged rule runs in both the account and the market stage, so its actions"
                            + " would be decided twice; tag it @stage(\"account\") or @stage(\"market\")", null);
        }
    }
}
