package com.deleverage.engine.sandbox;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.DialectRuntimeData;
import org.drools.base.rule.LineMappings;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies every class Drools generated for a version before any of it runs. Drools keeps the bytecode of
 * a knowledge base in two stores: each package's Java dialect store (rule classes, their inline accumulate
 * classes, invokers) and the project class loader's store (declared types, enums, functions). The verifier
 * reads both, tells Drools' glue (invokers, named by Drools' own invoker registry, and declared types) from
 * the policy's code (everything else, including any class a policy smuggles in), checks each against its
 * allow-list and refuses recursion between policy methods. The class loaders meter whatever they define
 * ({@link SandboxedComponents}), so what passes here runs only metered.
 */
public final class PolicyVerifier {
    private static final Field INVOKER_LOOKUPS = invokerLookupsField();

    private PolicyVerifier() {
    }

    /** A violation located in the DRL: the generated class's DRL line mapping, when Drools kept one. */
    public record Located(String className, int drlLine, String message) {
    }

    /** Verifies the classes of {@code kieBase}; returns the violations (none means it may run, metered). */
    public static List<Located> verify(KieBase kieBase) {
        InternalRuleBase base = (InternalRuleBase) kieBase;
        Map<String, Store> stores = new LinkedHashMap<>();
        Set<String> glue = new HashSet<>();
        Map<String, LineMappings> lines = new HashMap<>();
        for (InternalKnowledgePackage pkg : base.getPackages()) {
            DialectRuntimeData data = pkg.getDialectRuntimeRegistry().getDialectData("java");
            if (data instanceof JavaDialectRuntimeData java) {
                java.getStore().forEach((resource, bytes) -> stores.put(internalName(resource), new Store(java.getStore(), resource)));
                invokers(java).forEach(name -> glue.add(name.replace('.', '/')));
            }
            pkg.getTypeDeclarations().keySet().forEach(type -> glue.add((pkg.getName() + "." + type).replace('.', '/')));
            lines.putAll(pkg.getDialectRuntimeRegistry().getLineMappings());
        }
        ProjectClassLoader project = base.getRootClassLoader() instanceof ProjectClassLoader p ? p : null;
        if (project != null && project.getStore() != null) {
            project.getStore().forEach((resource, bytes) -> stores.putIfAbsent(internalName(resource), new Store(project.getStore(), resource)));
        }
        Set<String> own = stores.keySet();

        List<Located> violations = new ArrayList<>();
        Map<String, List<String>> calls = new HashMap<>();
        stores.forEach((name, store) -> {
            ClassRole role = glue.contains(name) ? ClassRole.GLUE : ClassRole.POLICY;
            BytecodeVerifier.Result result = BytecodeVerifier.verify(store.bytes(), role, own);
            result.violations().forEach(v -> violations.add(locate(v, lines)));
            result.calls().forEach(c -> calls.computeIfAbsent(c.from(), k -> new ArrayList<>()).add(c.to()));
        });
        recursion(calls).forEach(method -> violations.add(new Located(method.substring(0, method.lastIndexOf('.')).replace('/', '.'),
                lineOf(method, lines), "calls itself, directly or through other functions: recursion is not allowed in a policy")));
        return violations;
    }

    /** Methods on a call cycle between policy methods. */
    private static Set<String> recursion(Map<String, List<String>> calls) {
        Set<String> onCycle = new HashSet<>();
        for (String start : calls.keySet()) {
            Deque<String> todo = new ArrayDeque<>(calls.get(start));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (next.equals(start)) {
                    onCycle.add(start);
                    break;
                }
                if (seen.add(next)) {
                    todo.addAll(calls.getOrDefault(next, List.of()));
                }
            }
        }
        return onCycle;
    }

    private static Located locate(Violation v, Map<String, LineMappings> lines) {
        String outer = v.className().contains("$") ? v.className().substring(0, v.className().indexOf('$')) : v.className();
        LineMappings mapping = lines.get(outer);
        int line = 0;
        if (mapping != null) {
            line = v.javaLine() > mapping.getOffset() ? mapping.getStartLine() + v.javaLine() - mapping.getOffset() - 1
                    : mapping.getStartLine();
        }
        return new Located(outer, line, v.message());
    }

    private static int lineOf(String method, Map<String, LineMappings> lines) {
        LineMappings mapping = lines.get(method.substring(0, method.lastIndexOf('.')).replace('/', '.'));
        return mapping == null ? 0 : mapping.getStartLine();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> invokers(JavaDialectRuntimeData data) {
        try {
            return ((Map<String, ?>) INVOKER_LOOKUPS.get(data)).keySet();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read Drools' invoker registry", e);
        }
    }

    private static Field invokerLookupsField() {
        try {
            // Drools names the glue it generates in this private registry; the policy cannot write to it.
            Field field = JavaDialectRuntimeData.class.getDeclaredField("invokerLookups");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this Drools version has no invoker registry; the sandbox needs one", e);
        }
    }

    private static String internalName(String resource) {
        return resource.endsWith(".class") ? resource.substring(0, resource.length() - ".class".length()) : resource;
    }

    private record Store(Map<String, byte[]> map, String resource) {
        byte[] bytes() {
            return map.get(resource);
        }

    }
}
