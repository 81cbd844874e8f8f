package com.deleverage.streaming;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.evaluate.DecidedAction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which keys' decisions a tick changes. The decisions topic carries, per key, the actions in force whenever they
 * change (a compacted topic's latest record per key is then the whole decision of the latest tick): a key whose
 * actions and version are those of its previous record gets no new one, a key whose actions are gone gets an
 * empty one.
 *
 * <p>Keys: an action about an account is the account's, one about a market as a whole the market's. A staged
 * node's market stage also decides actions about accounts (fund draws, auto-deleveraging, socialised losses); it
 * keys them by market and account ({@link DecisionMessage.Scope#SETTLEMENT}), so that each key has one writer: the
 * account stage writes an account's key, the owner of a market its market and settlement keys.
 */
final class DecisionChanges {
    private record Key(DecisionMessage.Scope scope, String id) {
    }

    /** A key's actions as a multiset: the order in which a tick lists them is not part of the decision. */
    private record InForce(int version, Map<Action, Long> actions) {
        static InForce of(int version, List<DecidedAction> actions) {
            return new InForce(version, actions.stream().collect(Collectors.groupingBy(DecidedAction::action, Collectors.counting())));
        }
    }

    private final Map<Key, InForce> published = new HashMap<>();
    private final boolean settlements;

    /** Keys every action about an account by the account. */
    DecisionChanges() {
        this(false);
    }

    private DecisionChanges(boolean settlements) {
        this.settlements = settlements;
    }

    /** For a market stage: keys the actions about an account by market and account. */
    static DecisionChanges ofSettlements() {
        return new DecisionChanges(true);
    }

    /** The records a tick adds to the topic, accounts first (in the tick's order), then markets. */
    List<DecisionMessage> after(Decided tick, String tickId) {
        Map<Key, List<DecidedAction>> now = byKey(tick.actions());
        List<DecisionMessage> out = new ArrayList<>();
        now.forEach((key, actions) -> {
            if (!InForce.of(tick.version(), actions).equals(published.get(key))) {
                out.add(message(key, tick, tickId, actions));
            }
        });
        published.keySet().stream().filter(k -> !now.containsKey(k) && !published.get(k).actions().isEmpty())
                .sorted((a, b) -> a.scope() != b.scope() ? a.scope().compareTo(b.scope()) : a.id().compareTo(b.id()))
                .forEach(k -> out.add(message(k, tick, tickId, List.of())));
        return out;
    }

    /** Marks the records as published (after their transaction commits, or when rebuilding what was). */
    void published(List<DecisionMessage> messages) {
        for (DecisionMessage m : messages) {
            published.put(new Key(m.scope(), m.key()), InForce.of(m.version(), m.actions()));
        }
    }

    private static DecisionMessage message(Key key, Decided tick, String tickId, List<DecidedAction> actions) {
        return new DecisionMessage(key.id(), key.scope(), tickId, tick.ruleSet(), tick.version(), tick.versionHash(),
                tick.asOf(), actions);
    }

    private Map<Key, List<DecidedAction>> byKey(List<DecidedAction> actions) {
        Map<Key, List<DecidedAction>> accounts = new LinkedHashMap<>();
        Map<Key, List<DecidedAction>> markets = new LinkedHashMap<>();
        for (DecidedAction a : actions) {
            Action action = a.action();
            if (action.account() != null && settlements) {
                accounts.computeIfAbsent(new Key(DecisionMessage.Scope.SETTLEMENT,
                        DecisionMessage.settlementKey(action.symbol(), action.account())), k -> new ArrayList<>()).add(a);
            } else if (action.account() != null) {
                accounts.computeIfAbsent(new Key(DecisionMessage.Scope.ACCOUNT, action.account()), k -> new ArrayList<>()).add(a);
            } else {
                markets.computeIfAbsent(new Key(DecisionMessage.Scope.MARKET, Objects.requireNonNull(action.symbol(),
                        () -> action.type() + " names neither an account nor a market")), k -> new ArrayList<>()).add(a);
            }
        }
        accounts.putAll(markets);
        return accounts;
    }
}
