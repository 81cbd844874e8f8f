package com.deleverage.engine.sandbox;

import com.deleverage.engine.phase.Phase;
import com.deleverage.engine.phase.PhaseInlining;
import org.objectweb.asm.Type;

import java.util.Map;
import java.util.Set;

/**
 * The allow-list: every class and member that policy code may name, in JVM terms ({@code java/lang/String},
 * method names). Anything else - the process, threads, reflection, method handles, class loaders, I/O, the
 * network, JNDI, scripting, MVEL, the rule engine's runtime - is refused, however it is spelt in DRL,
 * because the check reads the bytecode the compiler produced. A few members whose cost depends on their
 * arguments are allowed only through {@link PolicyGuards}.
 */
final class PolicyApi {
    static final String ANY = "*";

    /** Engine packages whose public classes are the policy's vocabulary: facts, actions, risk figures, math. */
    private static final Set<String> ENGINE_PACKAGES = Set.of(
            "com/deleverage/engine/model/", "com/deleverage/engine/action/", "com/deleverage/engine/risk/",
            "com/deleverage/engine/math/");

    private static final Set<String> NUMBER_MEMBERS = Set.of("valueOf", "intValue", "longValue", "doubleValue",
            "floatValue", "shortValue", "byteValue", "booleanValue", "charValue", "compare", "compareTo", "equals",
            "hashCode", "toString", "min", "max", "sum", "signum", "abs", "parseInt", "parseLong", "parseDouble",
            "parseBoolean", "isNaN", "isInfinite", "MAX_VALUE", "MIN_VALUE", "TRUE", "FALSE", "<init>",
            "isDigit", "isLetter", "isWhitespace", "toUpperCase", "toLowerCase");
    private static final Set<String> EXCEPTION_MEMBERS = Set.of("<init>", "getMessage");
    private static final Set<String> COLLECTION_MEMBERS = Set.of("add", "remove", "get", "put", "containsKey",
            "containsValue", "contains", "size", "isEmpty", "iterator", "keySet", "values", "entrySet",
            "getOrDefault", "indexOf", "lastIndexOf", "subList", "clear", "removeAll", "retainAll", "containsAll",
            "set", "putIfAbsent", "of", "first", "last", "firstKey", "lastKey", "headMap", "tailMap", "headSet",
            "tailSet", "hasNext", "next", "getKey", "getValue", "equals", "hashCode", "toString", "toArray",
            "addAll", "putAll", "floorKey", "ceilingKey", "higherKey", "lowerKey", "floorEntry", "ceilingEntry",
            "firstEntry", "lastEntry", "getFirst", "getLast", "addFirst", "addLast", "removeFirst", "removeLast",
            "reversed", "<init>");

    /** Allowed members of library classes; {@link #ANY} allows every member of the class. */
    private static final Map<String, Set<String>> LIBRARY = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/String", Set.of("valueOf", "length", "isEmpty", "isBlank", "equals",
                    "equalsIgnoreCase", "compareTo", "compareToIgnoreCase", "contains", "startsWith", "endsWith",
                    "indexOf", "lastIndexOf", "substring", "charAt", "trim", "strip", "toUpperCase", "toLowerCase",
                    "hashCode", "toString", "concat", "repeat", "replace", "<init>")),
            Map.entry("java/lang/StringBuilder", Set.of("<init>", "append", "toString", "length", "charAt")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString", "isEmpty")),
            Map.entry("java/lang/Integer", NUMBER_MEMBERS),
            Map.entry("java/lang/Long", NUMBER_MEMBERS),
            Map.entry("java/lang/Short", NUMBER_MEMBERS),
            Map.entry("java/lang/Byte", NUMBER_MEMBERS),
            Map.entry("java/lang/Double", NUMBER_MEMBERS),
            Map.entry("java/lang/Float", NUMBER_MEMBERS),
            Map.entry("java/lang/Boolean", NUMBER_MEMBERS),
            Map.entry("java/lang/Character", NUMBER_MEMBERS),
            Map.entry("java/lang/Number", NUMBER_MEMBERS),
            Map.entry("java/lang/Math", Set.of(ANY)),
            Map.entry("java/lang/Enum", Set.of("name", "ordinal", "compareTo", "equals", "hashCode", "toString")),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/Iterable", Set.of("iterator")),
            Map.entry("java/lang/Throwable", Set.of("getMessage")),
            Map.entry("java/lang/RuntimeException", EXCEPTION_MEMBERS),
            Map.entry("java/lang/IllegalArgumentException", EXCEPTION_MEMBERS),
            Map.entry("java/lang/IllegalStateException", EXCEPTION_MEMBERS),
            Map.entry("java/lang/ArithmeticException", EXCEPTION_MEMBERS),
            Map.entry("java/lang/UnsupportedOperationException", EXCEPTION_MEMBERS),
            Map.entry("java/lang/NullPointerException", EXCEPTION_MEMBERS),
            Map.entry("java/lang/IndexOutOfBoundsException", EXCEPTION_MEMBERS),
            Map.entry("java/math/BigDecimal", Set.of(ANY)),
            Map.entry("java/math/BigInteger", Set.of("valueOf", "compareTo", "signum", "intValue", "longValue",
                    "equals", "hashCode", "toString", "ZERO", "ONE", "TEN")),
            Map.entry("java/math/RoundingMode", Set.of(ANY)),
            Map.entry("java/math/MathContext", Set.of("DECIMAL32", "DECIMAL64", "DECIMAL128", "getPrecision",
                    "getRoundingMode")),
            Map.entry("java/time/Instant", Set.of("plus", "minus", "plusSeconds", "plusMillis", "minusSeconds",
                    "minusMillis", "isBefore", "isAfter", "equals", "compareTo", "hashCode", "toString",
                    "getEpochSecond", "toEpochMilli", "ofEpochSecond", "ofEpochMilli", "parse", "EPOCH")),
            Map.entry("java/time/Duration", Set.of(ANY)),
            Map.entry("java/time/temporal/ChronoUnit", Set.of(ANY)),
            Map.entry("java/util/List", COLLECTION_MEMBERS),
            Map.entry("java/util/Set", COLLECTION_MEMBERS),
            Map.entry("java/util/Map", COLLECTION_MEMBERS),
            Map.entry("java/util/Map$Entry", COLLECTION_MEMBERS),
            Map.entry("java/util/Collection", COLLECTION_MEMBERS),
            Map.entry("java/util/Iterator", Set.of("hasNext", "next")),
            Map.entry("java/util/ArrayList", COLLECTION_MEMBERS),
            Map.entry("java/util/LinkedList", COLLECTION_MEMBERS),
            Map.entry("java/util/HashMap", COLLECTION_MEMBERS),
            Map.entry("java/util/LinkedHashMap", COLLECTION_MEMBERS),
            Map.entry("java/util/TreeMap", COLLECTION_MEMBERS),
            Map.entry("java/util/HashSet", COLLECTION_MEMBERS),
            Map.entry("java/util/LinkedHashSet", COLLECTION_MEMBERS),
            Map.entry("java/util/TreeSet", COLLECTION_MEMBERS),
            Map.entry("java/util/Collections", Set.of("emptyList", "emptySet", "emptyMap", "unmodifiableList",
                    "unmodifiableSet", "unmodifiableMap", "singletonList", "singleton", "singletonMap", "sort",
                    "reverse", "max", "min", "reverseOrder")),
            Map.entry("java/util/Comparator", Set.of("naturalOrder", "reverseOrder")),
            Map.entry("java/util/Objects", Set.of("equals", "hash", "hashCode", "requireNonNull", "isNull",
                    "nonNull", "toString", "requireNonNullElse")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/Optional", Set.of("isPresent", "isEmpty", "get", "orElse", "of", "ofNullable",
                    "empty")),
            // From Drools' knowledge helper (the consequence's drools/kcontext), only what changes working
            // memory and the rule's own name; never the runtime, the knowledge base or a class loader.
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insert", "insertLogical",
                    "update", "delete", "retract", "getRule")),
            Map.entry("org/kie/api/definition/rule/Rule", Set.of("getName")),
            // What the compiler itself writes into an action for 'modify'/'update' (which properties changed)
            // and for a literal bound in a pattern: values, no behaviour.
            Map.entry("org/drools/util/bitmask/LongBitMask", Set.of("<init>")),
            Map.entry("org/drools/util/bitmask/BitMask", Set.of()),
            Map.entry("org/drools/util/bitmask/AllSetBitMask", Set.of("get")),
            Map.entry("org/drools/util/bitmask/AllSetButLastBitMask", Set.of("get")),
            Map.entry("org/drools/util/bitmask/EmptyBitMask", Set.of("get")),
            Map.entry("org/drools/util/bitmask/EmptyButLastBitMask", Set.of("get")),
            Map.entry("org/drools/mvel/field/FieldFactory", Set.of("getInstance", "getFieldValue")),
            Map.entry("org/drools/base/rule/accessor/FieldValue", Set.of("getValue")),
            Map.entry("org/kie/api/runtime/rule/FactHandle", Set.of()),
            // The named phases a rule's salience says where it runs with: their constants, nothing else of
            // the phase package (its inlining is the compiler's, not the policy's).
            Map.entry(Type.getInternalName(Phase.class), Set.copyOf(PhaseInlining.values().keySet())));

    /**
     * Constructors that would let a policy allocate without paying (a capacity of two billion) are not in
     * the list: only the no-argument constructors of the collections are allowed.
     */
    private static final Set<String> NO_ARG_CONSTRUCTOR_ONLY = Set.of("java/util/ArrayList", "java/util/LinkedList",
            "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/HashSet",
            "java/util/LinkedHashSet", "java/util/TreeSet", "java/lang/StringBuilder");

    /** Methods that never get called directly: the sandbox calls the {@link PolicyGuards} method instead. */
    static final Map<String, Set<String>> GUARDED = Map.ofEntries(
            Map.entry("java/math/BigDecimal", Set.of("add", "subtract", "multiply", "divide", "remainder",
                    "divideToIntegralValue", "setScale", "movePointLeft", "movePointRight", "scaleByPowerOfTen",
                    "pow", "round", "toPlainString", "toString", "toEngineeringString", "valueOf(JI)Ljava/math/BigDecimal;")),
            Map.entry("java/lang/String", Set.of("concat", "repeat", "replace")),
            Map.entry("java/lang/StringBuilder", Set.of("append")),
            Map.entry("org/drools/core/rule/consequence/KnowledgeHelper", Set.of("insert", "insertLogical")),
            Map.entry("java/util/Collection", Set.of("addAll")), Map.entry("java/util/List", Set.of("addAll")),
            Map.entry("java/util/Set", Set.of("addAll")), Map.entry("java/util/ArrayList", Set.of("addAll")),
            Map.entry("java/util/HashSet", Set.of("addAll")), Map.entry("java/util/Map", Set.of("putAll")),
            Map.entry("java/util/HashMap", Set.of("putAll")));

    /** BigDecimal members that are not allowed at all (the guards cover their cheap relatives). */
    private static final Set<String> DECIMAL_REFUSED = Set.of("sqrt", "<init>(Ljava/math/BigInteger;I)V",
            "<init>(Ljava/math/BigInteger;ILjava/math/MathContext;)V");

    /** Instance methods a policy class may not declare: the JDK or the engine would call them back. */
    static final Set<String> CALLBACK_NAMES = Set.of("equals", "hashCode", "toString", "finalize", "compareTo",
            "compare", "run", "call", "apply", "accept", "test", "get", "iterator", "close", "readObject",
            "writeObject", "readResolve", "writeReplace", "clone");

    private PolicyApi() {
    }

    /** Whether the class may be named at all (instantiated, cast to, loaded as a constant). */
    static boolean allowsType(String internalName, Set<String> ownClasses) {
        String type = elementType(internalName);
        return type == null || ownClasses.contains(type) || isEngineType(type) || LIBRARY.containsKey(type)
                || type.equals("java/io/Serializable");
    }

    /** Whether policy code may use {@code owner.name} (a method, a constructor {@code <init>} or a field). */
    static boolean allowsMember(String owner, String name, String descriptor, Set<String> ownClasses) {
        if (owner.startsWith("[")) {
            return name.equals("clone") || name.equals("length");
        }
        if (ownClasses.contains(owner) || isEngineType(owner)) {
            return true;
        }
        if (owner.equals("java/math/BigDecimal") && (DECIMAL_REFUSED.contains(name) || DECIMAL_REFUSED.contains(name + descriptor))) {
            return false;
        }
        if (owner.equals("java/lang/Math") && name.equals("random")) {
            return false; // a decision is a function of its snapshot: the same input, the same actions
        }
        if (name.equals("<init>") && NO_ARG_CONSTRUCTOR_ONLY.contains(owner) && !descriptor.equals("()V")) {
            return false;
        }
        Set<String> members = LIBRARY.get(owner);
        return members != null && (members.contains(ANY) || members.contains(name));
    }

    /** The library classes of the allow-list with their allowed member names ({@link #ANY}: every public member). */
    static Map<String, Set<String>> library() {
        return LIBRARY;
    }

    static boolean isGuarded(String owner, String name, String descriptor) {
        Set<String> names = GUARDED.get(owner);
        return names != null && (names.contains(name) || names.contains(name + descriptor));
    }

    static boolean isEngineType(String internalName) {
        if (internalName.equals("com/deleverage/engine/evaluate/EvaluationContext")) {
            return true;
        }
        int slash = internalName.lastIndexOf('/');
        return slash > 0 && ENGINE_PACKAGES.contains(internalName.substring(0, slash + 1));
    }

    /** {@code [[Ljava/lang/String;} to {@code java/lang/String}; null for arrays of primitives. */
    private static String elementType(String internalName) {
        String type = internalName;
        while (type.startsWith("[")) {
            type = type.substring(1);
        }
        if (type.length() == 1) {
            return null;
        }
        if (type.startsWith("L") && type.endsWith(";")) {
            type = type.substring(1, type.length() - 1);
        }
        return type;
    }
}
