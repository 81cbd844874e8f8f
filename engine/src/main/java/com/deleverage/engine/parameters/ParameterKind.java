package com.deleverage.engine.parameters;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What kind of value a declared parameter takes, and how a value written in {@code parameters.yaml} becomes
 * Java in the generated rule. Only values that match the kind exactly become code, so a parameters file cannot
 * carry anything but literals: a decimal (plain digits, read by {@code Decimals.of}), a whole number, true or
 * false, or a constant of one of the platform's enums.
 */
sealed interface ParameterKind {
    /** Plain decimal notation, no exponent; long enough for any ratio or notional a venue uses. */
    Pattern DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,18})?");
    Pattern WHOLE = Pattern.compile("-?\\d{1,19}");
    String ENGINE_PACKAGE = "com.deleverage.engine.";

    /** The Java expression for a value, or empty when the value is not of this kind. */
    Optional<String> java(String value);

    /** What a value of this kind looks like, for a finding's message. */
    String expected();

    /** The class the generated rule must import for this kind, if any. */
    default Optional<String> importedClass() {
        return Optional.empty();
    }

    static ParameterKind of(String typeName, String qualifiedName) {
        return switch (typeName) {
            case "BigDecimal", "java.math.BigDecimal" -> new Decimal();
            case "int", "Integer", "java.lang.Integer" -> new Whole(typeName, BigInteger.valueOf(Integer.MIN_VALUE),
                    BigInteger.valueOf(Integer.MAX_VALUE), "");
            case "long", "Long", "java.lang.Long" -> new Whole(typeName, BigInteger.valueOf(Long.MIN_VALUE),
                    BigInteger.valueOf(Long.MAX_VALUE), "L");
            case "boolean", "Boolean", "java.lang.Boolean" -> new Flag();
            default -> platformEnum(qualifiedName).<ParameterKind>map(Choice::new).orElse(new Unsupported(typeName));
        };
    }

    /** Only the platform's own enums (named by an import of the declaring file) are loaded, never initialised. */
    private static Optional<Class<? extends Enum<?>>> platformEnum(String qualifiedName) {
        if (!qualifiedName.startsWith(ENGINE_PACKAGE)) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(qualifiedName, false, ParameterKind.class.getClassLoader());
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> choice = (Class<? extends Enum<?>>) type;
            return type.isEnum() ? Optional.of(choice) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    record Decimal() implements ParameterKind {
        public Optional<String> java(String value) {
            return DECIMAL.matcher(value).matches() ? Optional.of("Decimals.of(\"" + value + "\")") : Optional.empty();
        }

        public String expected() {
            return "a decimal in plain notation such as 0.8 or 1000000";
        }

        public Optional<String> importedClass() {
            return Optional.of("com.deleverage.engine.math.Decimals");
        }
    }

    record Whole(String typeName, BigInteger min, BigInteger max, String suffix) implements ParameterKind {
        public Optional<String> java(String value) {
            if (!WHOLE.matcher(value).matches()) {
                return Optional.empty();
            }
            BigInteger n = new BigInteger(value);
            return n.compareTo(min) >= 0 && n.compareTo(max) <= 0 ? Optional.of(n + suffix) : Optional.empty();
        }

        public String expected() {
            return "a whole number (" + typeName + ", " + min + " to " + max + ")";
        }
    }

    record Flag() implements ParameterKind {
        public Optional<String> java(String value) {
            return value.equals("true") || value.equals("false") ? Optional.of(value) : Optional.empty();
        }

        public String expected() {
            return "true or false";
        }
    }

    record Choice(Class<? extends Enum<?>> type) implements ParameterKind {
        public Optional<String> java(String value) {
            return Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(value::equals).findFirst()
                    .map(name -> type.getSimpleName() + "." + name);
        }

        public String expected() {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        }

        public Optional<String> importedClass() {
            return Optional.of(type.getName());
        }
    }

    /** A declared type no parameters file can set (a String, a list, a fact): only a rule can. */
    record Unsupported(String typeName) implements ParameterKind {
        public Optional<String> java(String value) {
            return Optional.empty();
        }

        public String expected() {
            return "nothing: a field of type '" + typeName + "' cannot be set from parameters.yaml (use BigDecimal, "
                    + "int, long, boolean or an enum of the platform)";
        }
    }
}
