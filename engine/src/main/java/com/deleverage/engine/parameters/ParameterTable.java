package com.deleverage.engine.parameters;

import com.deleverage.engine.phase.Phase;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A policy's parameters as data: {@code parameters.yaml} gives a value to every field of the policy's
 * {@code declare PolicyParameters}, and is compiled at staging into the rule that inserts them, so lint, the
 * sandbox's checks, scenarios, coverage and approval apply to it as to any DRL. The generated rule keeps each
 * setter on the line of its key in the YAML, so whatever the compiler says about it points at that line.
 * Variants override it value by value ({@link #override}); version diffs compare values ({@link #changes}).
 */
public final class ParameterTable {
    /** The path of the parameters file in a version. */
    public static final String FILE = "parameters.yaml";
    /** The name of the generated rule, as scenario results and fired-rule lists show it. */
    public static final String RULE = "Policy parameters";
    public static final String PARAMETER_UNKNOWN = "PARAMETER_UNKNOWN";
    public static final String PARAMETER_MISSING = "PARAMETER_MISSING";
    public static final String PARAMETER_INVALID = "PARAMETER_INVALID";

    private static final LevenshteinDistance TYPO = new LevenshteinDistance(3);

    private ParameterTable() {
    }

    /** What is wrong with a parameters table, where: the file is {@link #FILE} or the DRL file that declares the type. */
    public record Problem(String code, String file, int line, String message) {
    }

    /** The generated DRL (empty when there are problems) and the problems. */
    public record Compiled(Optional<String> drl, List<Problem> problems) {
    }

    /** A parameter whose value differs between two versions; {@code null} where a version has no value. */
    public record Change(String name, String before, String after) {
    }

    /** Compiles a parameters file against the {@code declare PolicyParameters} of the version's DRL files. */
    public static Compiled compile(String yaml, Map<String, String> drlFiles) {
        ParameterFile file = ParameterFile.read(yaml);
        List<Problem> problems = new ArrayList<>();
        file.problems().forEach(p -> problems.add(new Problem(PARAMETER_INVALID, FILE, p.line(), p.message())));
        List<DeclaredParameters> declarations = DeclaredParameters.find(drlFiles);
        if (declarations.size() != 1) {
            problems.add(new Problem(PARAMETER_INVALID, FILE, 0, declarations.isEmpty()
                    ? FILE + " gives values, but no .drl file declares them: add 'declare " + DeclaredParameters.TYPE
                    + "' with a field per parameter"
                    : DeclaredParameters.TYPE + " is declared more than once ("
                    + String.join(", ", declarations.stream().map(DeclaredParameters::file).toList())
                    + "): declare it in one file"));
            return new Compiled(Optional.empty(), problems);
        }
        DeclaredParameters declared = declarations.getFirst();
        Map<Integer, String> setterByLine = new LinkedHashMap<>();
        TreeSet<String> imports = new TreeSet<>();
        for (ParameterFile.Entry entry : file.entries().values()) {
            DeclaredParameters.Field field = declared.fields().get(entry.name());
            if (field == null) {
                problems.add(new Problem(PARAMETER_UNKNOWN, FILE, entry.line(), "'" + entry.name() + "' is not a field of "
                        + DeclaredParameters.TYPE + " (" + declared.file() + ":" + declared.line() + ")"
                        + closest(entry.name(), declared).map(name -> "; did you mean '" + name + "'?").orElse("")));
                continue;
            }
            Optional<String> java = field.kind().java(entry.value());
            if (java.isEmpty()) {
                problems.add(new Problem(PARAMETER_INVALID, FILE, entry.line(), "'" + entry.name() + "' must be "
                        + field.kind().expected() + ", not '" + entry.value() + "'"));
                continue;
            }
            field.kind().importedClass().ifPresent(imports::add);
            setterByLine.put(entry.line(), "p.set" + Character.toUpperCase(field.name().charAt(0))
                    + field.name().substring(1) + "(" + java.get() + ");");
        }
        declared.fields().values().stream().filter(f -> !file.entries().containsKey(f.name())).forEach(f ->
                problems.add(new Problem(PARAMETER_MISSING, FILE, 0, "'" + f.name() + "' (" + declared.file() + ":"
                        + f.line() + ") has no value: add a line '" + f.name() + ": ...' with " + f.kind().expected())));
        if (!problems.isEmpty()) {
            return new Compiled(Optional.empty(), problems);
        }
        return new Compiled(Optional.of(rule(declared.packageName(), imports, setterByLine)), problems);
    }

    /** The rule, line for line with the YAML: header on line 1, each setter on its key's line, the end after the last. */
    private static String rule(String packageName, TreeSet<String> imports, Map<Integer, String> setterByLine) {
        int last = setterByLine.keySet().stream().max(Comparator.naturalOrder()).orElse(1);
        StringBuilder header = new StringBuilder("package " + packageName + "; ");
        imports.forEach(type -> header.append("import ").append(type).append("; "));
        header.append("rule \"").append(RULE).append("\" salience ").append(Phase.PARAMETERS).append(" when then ")
                .append(DeclaredParameters.TYPE).append(" p = new ").append(DeclaredParameters.TYPE).append("();");
        List<String> lines = new ArrayList<>();
        for (int line = 1; line <= last; line++) {
            String setter = setterByLine.getOrDefault(line, "");
            lines.add(line == 1 ? header + (setter.isEmpty() ? "" : " " + setter) : setter);
        }
        lines.add("insertLogical(p); end");
        return String.join("\n", lines) + "\n";
    }

    private static Optional<String> closest(String name, DeclaredParameters declared) {
        return declared.fields().keySet().stream()
                .filter(candidate -> TYPO.apply(name.toLowerCase(), candidate.toLowerCase()) >= 0)
                .min(Comparator.comparing(candidate -> TYPO.apply(name.toLowerCase(), candidate.toLowerCase())));
    }

    /**
     * A variant's parameters laid over a base's: each line of the variant that gives a value replaces the base's
     * line for the same parameter (its comment with it), a parameter the base lacks is added at the end; every
     * other line of the base stays. The result is a whole parameters file, as a stored version holds it.
     *
     * @throws IllegalArgumentException when either file is not a readable parameters table
     */
    public static String override(String base, String variant) {
        ParameterFile baseFile = readable(base, "base");
        ParameterFile variantFile = readable(variant, "variant");
        List<String> lines = new ArrayList<>(List.of(base.split("\\R", -1)));
        String[] variantLines = variant.split("\\R", -1);
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        for (ParameterFile.Entry entry : variantFile.entries().values()) {
            String line = variantLines[entry.line() - 1];
            ParameterFile.Entry replaced = baseFile.entries().get(entry.name());
            if (replaced == null) {
                lines.add(line);
            } else {
                lines.set(replaced.line() - 1, line);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The value of one parameter as written in a parameters file, or empty when the file does not give it. */
    public static Optional<String> value(String yaml, String name) {
        ParameterFile.Entry entry = ParameterFile.read(yaml == null ? "" : yaml).entries().get(name);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** The parameters whose values differ from one version's file to another's, in the later file's order. */
    public static List<Change> changes(String before, String after) {
        Map<String, ParameterFile.Entry> old = ParameterFile.read(before == null ? "" : before).entries();
        Map<String, ParameterFile.Entry> now = ParameterFile.read(after == null ? "" : after).entries();
        List<Change> changes = new ArrayList<>();
        now.values().forEach(entry -> {
            ParameterFile.Entry was = old.get(entry.name());
            if (was == null || !was.value().equals(entry.value())) {
                changes.add(new Change(entry.name(), was == null ? null : was.value(), entry.value()));
            }
        });
        old.values().stream().filter(entry -> !now.containsKey(entry.name()))
                .forEach(entry -> changes.add(new Change(entry.name(), entry.value(), null)));
        return changes;
    }

    private static ParameterFile readable(String text, String which) {
        ParameterFile file = ParameterFile.read(text);
        if (!file.problems().isEmpty()) {
            ParameterFile.Problem first = file.problems().getFirst();
            throw new IllegalArgumentException("the " + which + " " + FILE + " is not a parameters table: line "
                    + first.line() + ": " + first.message());
        }
        return file;
    }
}
