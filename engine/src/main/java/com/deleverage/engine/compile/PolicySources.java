package com.deleverage.engine.compile;

import com.deleverage.engine.parameters.ParameterTable;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The DRL sources of a version, keyed by file: its {@code .drl} files and, when it has a
 * {@code parameters.yaml}, the rule that file compiles to (keyed by {@code parameters.yaml}, so findings and
 * fired rules name it). Compilation, lint, coverage and the removal check all read the version through this.
 *
 * @param drl      the sources by path, sorted
 * @param findings what is wrong with the parameters file (the generated rule is left out when there is any)
 */
public record PolicySources(Map<String, String> drl, List<Finding> findings) {

    public static PolicySources of(Map<String, String> files) {
        Map<String, String> drl = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, text);
            }
        });
        String parameters = files.get(ParameterTable.FILE);
        if (parameters == null) {
            return new PolicySources(drl, List.of());
        }
        ParameterTable.Compiled compiled = ParameterTable.compile(parameters, drl);
        compiled.drl().ifPresent(text -> drl.put(ParameterTable.FILE, text));
        return new PolicySources(drl, compiled.problems().stream()
                .map(p -> new Finding(p.code(), Severity.ERROR, p.file(), p.line(), 0, null, p.message())).toList());
    }
}
