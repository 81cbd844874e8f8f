package com.deleverage.engine.phase;

import com.deleverage.engine.lint.CodeText;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes each {@code Phase.NAME} of a DRL file as the number it stands for, before Drools compiles the file,
 * as javac inlines a constant. Drools takes a salience that is a plain number as fixed, but evaluates any other
 * salience with MVEL for every match and schedules such a rule differently (each match queued by its own
 * salience, the rule evaluated eagerly): left as a name, {@code salience Phase.CLASSIFY_POOLS} would be a
 * different, slower rule than {@code salience 890000000} (the reference policy, its saliences so written, put the
 * actions of two of its 24 scenario snapshots in another order). Inlined, it is the same rule.
 *
 * <p>The number is padded with spaces to the length of the name, so every line and column of the file stays
 * where it was and the compiler's findings point at the text the author wrote. A simple {@code Phase.NAME} is
 * inlined only in a file that imports {@link Phase}, and nothing is inlined in comments and strings; a name
 * that is not a phase is left for the compiler to report.
 */
public final class PhaseInlining {
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^[ \\t]*import[ \\t]+" + Pattern.quote(Phase.class.getName()) + "[ \\t]*(;|$)");
    /** {@code Phase.NAME}, or with the package ({@code com.deleverage.engine.phase.Phase.NAME}, no import needed). */
    private static final Pattern NAME = Pattern.compile("(?<![\\w$.])(" + Pattern.quote(Phase.class.getPackageName() + ".")
            + ")?Phase[ \\t]*\\.[ \\t]*([A-Za-z_$][\\w$]*)");
    /** Import statements name classes, not values: nothing in them is inlined. */
    private static final Pattern IMPORT_LINE = Pattern.compile("(?m)^[ \\t]*import\\b.*$");
    private static final Map<String, Integer> VALUES = values();

    private PhaseInlining() {
    }

    /** The file with its phase names written as numbers; the same text when it names no phase. */
    public static String inline(String drl) {
        String code = CodeText.of(drl);
        boolean imported = IMPORT.matcher(code).find();
        StringBuilder out = new StringBuilder(drl);
        Matcher names = NAME.matcher(IMPORT_LINE.matcher(code).replaceAll(m -> " ".repeat(m.group().length())));
        while (names.find()) {
            if (names.group(1) == null && !imported) {
                continue; // a Phase of the policy's own, or a missing import the compiler reports
            }
            Integer value = VALUES.get(names.group(2));
            String number = value == null ? null : Integer.toString(value);
            int length = names.end() - names.start();
            if (number != null && number.length() <= length) {
                out.replace(names.start(), names.end(), number + " ".repeat(length - number.length()));
            }
        }
        return out.toString();
    }

    /**
     * The phases by name: the public static final int fields of {@link Phase}, which are all a policy may read of
     * it (the sandbox's allow-list takes its names from here).
     */
    public static Map<String, Integer> values() {
        Map<String, Integer> values = new HashMap<>();
        for (Field field : Phase.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == int.class) {
                try {
                    values.put(field.getName(), field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("a public constant of Phase cannot be read: " + field.getName(), e);
                }
            }
        }
        return Map.copyOf(values);
    }
}
