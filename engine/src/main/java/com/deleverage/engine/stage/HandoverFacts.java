package com.deleverage.engine.stage;

import org.kie.api.definition.type.FactField;
import org.kie.api.definition.type.FactType;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-over facts between a session's declared types and data: read out of an account-stage session after it
 * fired, made into facts of the market stage's declared types before it fires. Both run metered (the declared
 * types are policy classes).
 */
final class HandoverFacts {
    static final String ACCOUNT = "accountId";
    static final String RANK = "riskRank";
    // The same facts in the same order, whatever order the session held them in.
    private static final Comparator<HandoverFact> CANONICAL =
            Comparator.comparing(HandoverFact::type).thenComparing(f -> f.fields().toString());

    private HandoverFacts() {
    }

    /** Every fact of a hand-over type in the session, by account, each account's in canonical order. */
    static Map<String, AccountHandover> read(KieSession session, List<FactType> types) {
        Map<Class<?>, FactType> byClass = new HashMap<>();
        types.forEach(t -> byClass.put(t.getFactClass(), t));
        Map<String, List<HandoverFact>> byAccount = new TreeMap<>();
        for (Object fact : session.getObjects(o -> byClass.containsKey(o.getClass()))) {
            FactType type = byClass.get(fact.getClass());
            TreeMap<String, Object> fields = new TreeMap<>();
            type.getAsMap(fact).forEach((name, value) -> fields.put(name, value instanceof Enum<?> e ? e.name() : value));
            if (!(fields.get(ACCOUNT) instanceof String account)) {
                throw new IllegalStateException("a " + type.getSimpleName() + " fact names no account: a hand-over"
                        + " fact belongs to the account whose stage stated it");
            }
            byAccount.computeIfAbsent(account, a -> new ArrayList<>()).add(new HandoverFact(type.getSimpleName(), fields));
        }
        Map<String, AccountHandover> handovers = new TreeMap<>();
        byAccount.forEach((account, facts) -> {
            facts.sort(CANONICAL);
            handovers.put(account, new AccountHandover(account, facts));
        });
        return handovers;
    }

    /**
     * The hand-overs as facts of the given declared types. A fact with a {@code riskRank} gets its account's rank
     * in the whole book instead of the account stage's, which ranked only its partition.
     *
     * @param ranks each account's rank in the whole book
     * @throws IllegalArgumentException when a fact's type or field is not the version's
     */
    static List<Object> facts(Collection<AccountHandover> handovers, List<FactType> types, Map<String, Integer> ranks) {
        Map<String, FactType> byName = new HashMap<>();
        types.forEach(t -> byName.put(t.getSimpleName(), t));
        List<Object> facts = new ArrayList<>();
        for (AccountHandover handover : handovers) {
            Integer rank = ranks.get(handover.accountId());
            if (rank == null) {
                throw new IllegalArgumentException("the hand-over of account '" + handover.accountId()
                        + "' names an account the market stage's book does not hold");
            }
            for (HandoverFact fact : handover.facts()) {
                FactType type = byName.get(fact.type());
                if (type == null) {
                    throw new IllegalArgumentException("the hand-over of account '" + handover.accountId() + "' holds a "
                            + fact.type() + ", which is not a @handover type of the version " + byName.keySet());
                }
                facts.add(fact(type, fact, handover.accountId(), rank));
            }
        }
        return facts;
    }

    private static Object fact(FactType type, HandoverFact data, String account, int rank) {
        Object fact;
        try {
            fact = type.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " could not be made", e);
        }
        data.fields().forEach((name, value) -> {
            FactField field = type.getField(name);
            if (field == null) {
                throw new IllegalArgumentException("the " + type.getSimpleName() + " of account '" + account
                        + "' has a field '" + name + "' the version does not declare");
            }
            type.set(fact, name, typed(field, value, type.getSimpleName()));
        });
        if (type.getField(RANK) != null && type.getField(RANK).getType() == int.class) {
            type.set(fact, RANK, rank);
        }
        return fact;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object typed(FactField field, Object value, String type) {
        Class<?> target = field.getType();
        if (value == null) {
            if (target.isPrimitive()) {
                throw new IllegalArgumentException("field '" + field.getName() + "' of a " + type + " is null, but it"
                        + " holds a " + target.getName());
            }
            return null;
        }
        if (target.isEnum()) {
            try {
                return Enum.valueOf((Class) target, (String) value);
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException("field '" + field.getName() + "' of a " + type + " is '" + value
                        + "', which is no constant of " + target.getSimpleName());
            }
        }
        Class<?> boxed = target == int.class ? Integer.class : target == long.class ? Long.class
                : target == boolean.class ? Boolean.class : target;
        if (!boxed.isInstance(value)) {
            throw new IllegalArgumentException("field '" + field.getName() + "' of a " + type + " holds a "
                    + value.getClass().getSimpleName() + " where the version declares a " + target.getSimpleName());
        }
        return value;
    }
}
