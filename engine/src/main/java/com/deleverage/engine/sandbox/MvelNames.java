package com.deleverage.engine.sandbox;

import com.deleverage.engine.model.Account;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The names an MVEL expression (a pattern's constraint, a {@code from} source, a salience) may use after a
 * dot: the public methods, bean properties, record components and constants of the allow-listed classes,
 * less the ones whose cost depends on their arguments (MVEL runs them unmetered) and the doors to
 * reflection. MVEL resolves a member by name on the object it has at run time; every object a constraint
 * can reach is of an allowed type, so a name check is what keeps it on the allow-list.
 */
final class MvelNames {
    private static final Set<String> REFUSED = Set.of("getClass", "class", "getDeclaringClass", "declaringClass",
            "wait", "notify", "notifyAll", "pow", "repeat", "setScale", "movePointLeft", "movePointRight",
            "scaleByPowerOfTen", "sqrt", "concat", "join", "format", "formatted", "toArray", "getSuppressed",
            "getStackTrace", "getCause", "getRuntime", "clone", "random", "classLoader", "getClassLoader", "kieRuntime",
            "knowledgeRuntime", "workingMemory", "kieBase", "knowledgeBase", "runtime", "kieSession", "session",
            "entryPoint", "agenda", "projectClassLoader", "rootClassLoader", "module", "getModule", "unsafe",
            "theUnsafe", "forName", "newInstance", "invoke", "exec", "exit", "halt", "getenv", "getProperty",
            "setProperty", "properties", "getProperties", "lookup", "eval", "getKieRuntime", "getWorkingMemory",
            "getKnowledgeRuntime", "getKieBase", "getKnowledgeBase", "removeRule", "getProjectClassLoader");
    private static final Set<String> MUTATORS = Set.of("add", "addAll", "put", "putAll", "remove", "removeAll",
            "retainAll", "clear", "set", "putIfAbsent", "addFirst", "addLast", "removeFirst", "removeLast", "sort",
            "reverse", "insert", "insertLogical", "update", "delete", "retract", "modify", "append");
    private static final List<String> ENGINE_FOLDERS = List.of("com/deleverage/engine/model/",
            "com/deleverage/engine/action/", "com/deleverage/engine/risk/", "com/deleverage/engine/math/");
    private static final Set<String> NAMES = collect();

    private MvelNames() {
    }

    static boolean allows(String name) {
        return NAMES.contains(name);
    }

    /**
     * Names no expression may use, whatever object it is used on: reflection and the runtime's doors, and
     * anything that changes state - a condition is evaluated any number of times, unmetered, so one that
     * appended to a list each time could double it on every evaluation.
     */
    static boolean refused(String name) {
        return REFUSED.contains(name) || MUTATORS.contains(name)
                || name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3));
    }

    /** Simple names of the engine's fact, action, risk and math types: the classes a policy imports. */
    static Set<String> engineTypes() {
        Set<String> simple = new HashSet<>();
        engineClasses().forEach(c -> simple.add(c.getSimpleName()));
        return simple;
    }

    private static Set<String> collect() {
        Set<String> names = new HashSet<>();
        PolicyApi.library().forEach((owner, members) -> {
            if (members.contains(PolicyApi.ANY)) {
                load(owner).ifPresent(c -> addPublic(c, names));
            } else {
                members.stream().filter(m -> !m.startsWith("<")).forEach(m -> addName(m, names));
            }
        });
        engineClasses().forEach(c -> addPublic(c, names));
        names.removeAll(REFUSED);
        return Set.copyOf(names);
    }

    private static void addPublic(Class<?> c, Set<String> names) {
        for (Method m : c.getMethods()) {
            if (m.getDeclaringClass() != Object.class) {
                addName(m.getName(), names);
            }
        }
        for (Field f : c.getFields()) {
            names.add(f.getName());
        }
        if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                names.add(rc.getName());
            }
        }
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                names.add(((Enum<?>) constant).name());
            }
        }
    }

    private static void addName(String method, Set<String> names) {
        names.add(method);
        for (String prefix : List.of("get", "is")) {
            if (method.startsWith(prefix) && method.length() > prefix.length()
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String property = method.substring(prefix.length());
                names.add(Character.toLowerCase(property.charAt(0)) + property.substring(1));
            }
        }
    }

    private static java.util.Optional<Class<?>> load(String internalName) {
        try {
            return java.util.Optional.of(Class.forName(internalName.replace('/', '.'), false, MvelNames.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /** Every public class of the engine's policy packages, read from where the engine's classes live. */
    static List<Class<?>> engineClasses() {
        List<Class<?>> classes = new ArrayList<>();
        for (String entry : engineEntries()) {
            String name = entry.substring(0, entry.length() - ".class".length());
            if (ENGINE_FOLDERS.stream().anyMatch(f -> name.startsWith(f) && name.indexOf('/', f.length()) < 0)) {
                load(name).filter(c -> Modifier.isPublic(c.getModifiers())).ifPresent(classes::add);
            }
        }
        return classes;
    }

    private static List<String> engineEntries() {
        try {
            Path location = Path.of(Account.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    return files.filter(p -> p.toString().endsWith(".class"))
                            .map(p -> location.relativize(p).toString().replace('\\', '/')).toList();
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the engine's classes for the policy allow-list", e);
        }
    }
}
