package com.deleverage.engine.validate;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.compile.Severity;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.Decision;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.risk.AccountWatch;
import com.deleverage.engine.scenario.Scenario;
import com.deleverage.engine.scenario.ScenarioResult;
import com.deleverage.engine.snapshot.InvalidSnapshotException;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds a version to its {@link AccountWatch}: the decision of every scenario, as the platform makes it
 * (only watched accounts are facts), is compared with a second evaluation with every account a fact. An action one of the two decides and
 * the other does not means a rule acts on an account below the watched ratio, which the platform would
 * silently never see: {@link PolicyValidator#ACCOUNT_WATCH_UNSAFE}, at the scenario that shows it.
 */
final class AccountWatchCheck {
    private final Evaluator everyAccount;

    AccountWatchCheck(Evaluator evaluator) {
        this.everyAccount = evaluator.insertingEveryAccount();
    }

    /** @param results the scenarios as the version ran them (their decisions are reused) */
    List<Finding> check(CompiledVersion version, List<ScenarioResult> results) {
        List<Finding> findings = new ArrayList<>();
        AccountWatch watch = version.accountWatch().orElse(null);
        if (watch == null) {
            return findings;
        }
        for (ScenarioResult result : results) {
            Decision asDeployed = result.decision();
            if (asDeployed == null) {
                continue; // the evaluation failed: the scenario's own finding reports it
            }
            Scenario scenario = result.scenario();
            List<DecidedAction> hidden;
            try {
                Decision unwatched = everyAccount.evaluate(version, scenario.given());
                hidden = missing(asDeployed, unwatched);
                if (hidden.isEmpty()) {
                    hidden = missing(unwatched, asDeployed);
                }
            } catch (EvaluationFailedException | InvalidSnapshotException e) {
                continue; // fails only without the watch: the comparison cannot be made
            }
            if (!hidden.isEmpty()) {
                DecidedAction first = hidden.get(0);
                findings.add(new Finding(PolicyValidator.ACCOUNT_WATCH_UNSAFE, Severity.ERROR, scenario.file(),
                        scenario.line(), 0, first.rule(), "the version watches accounts from margin ratio "
                        + watch.marginRatio().toPlainString() + ", but in scenario '" + scenario.name() + "' rule \""
                        + first.rule() + "\" decides differently when every account is a fact: "
                        + first.action().type() + (first.action().account() == null ? "" : " of " + first.action().account())
                        + " (" + hidden.size() + " action(s) in all). State the lowest margin ratio any rule acts on,"
                        + " or no AccountWatch"));
            }
        }
        return findings;
    }

    /** The actions of {@code other} that {@code decision} does not have (as a multiset). */
    private static List<DecidedAction> missing(Decision decision, Decision other) {
        List<Object> have = new ArrayList<>(decision.actions().stream().map(DecidedAction::action).toList());
        List<DecidedAction> out = new ArrayList<>();
        for (DecidedAction a : other.actions()) {
            if (!have.remove(a.action())) {
                out.add(a);
            }
        }
        return out;
    }
}
