package com.deleverage.engine.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * What Drools' own generated glue (invokers, declared types, enums) uses beyond the policy allow-list:
 * the template code that wires a consequence to the engine, compares invokers by bytecode and builds fact
 * classes. Glue is never written by a policy author; this list only keeps an injected class from hiding
 * among it when classes are defined (see {@link SandboxedComponents}).
 */
final class GlueApi {
    private static final Map<String, Set<String>> GLUE = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("getClass")),
            Map.entry("java/lang/Class", Set.of("getSimpleName", "getClassLoader", "getName")),
            Map.entry("java/lang/ClassLoader", Set.of("getResourceAsStream")),
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf")),
            Map.entry("java/lang/String", Set.of("replace", "valueOf")),
            Map.entry("java/lang/Boolean", Set.of("valueOf", "booleanValue")),
            Map.entry("java/io/ByteArrayOutputStream", Set.of("<init>", "toString", "write", "toByteArray")),
            Map.entry("java/io/InputStream", Set.of("read", "close")),
            Map.entry("java/io/IOException", Set.of("<init>")),
            Map.entry("java/lang/Exception", Set.of("<init>")),
            Map.entry("java/util/Arrays", Set.of("equals", "hashCode", "toString", "deepEquals", "deepHashCode")),
            Map.entry("java/util/List", Set.of("equals")),
            Map.entry("java/lang/Integer", Set.of("valueOf")));

    private static final Set<String> GLUE_PACKAGES = Set.of("org/drools/base/rule/", "org/drools/base/rule/accessor/",
            "org/drools/base/rule/consequence/", "org/drools/base/factmodel/", "org/drools/mvel/asm/",
            "org/drools/mvel/field/", "org/drools/util/bitmask/", "org/drools/core/rule/consequence/",
            "org/kie/api/runtime/rule/", "org/drools/base/base/", "org/drools/core/common/", "org/drools/base/reteoo/",
            "org/drools/core/reteoo/", "org/drools/base/definitions/rule/impl/", "org/kie/api/definition/rule/",
            "org/drools/base/time/", "org/drools/core/base/");

    /** Members of the engine's runtime that glue may reach and policy code never: the runtime's doors. */
    private static final Set<String> NEVER = Set.of("getKieRuntime", "getKnowledgeRuntime", "getWorkingMemory",
            "getReteEvaluator", "getKieBase", "getKnowledgeBase", "getRuleBase", "getSession", "getRuntime",
            "getProjectClassLoader", "getRootClassLoader", "removeRule", "addRule", "removeKiePackage", "halt",
            "dispose", "destroy", "getEntryPoint", "getEntryPoints", "getGlobals", "setGlobal", "getGlobal",
            "getAgenda", "setFocus", "getChannels", "getKieRuntimeFactory", "getKnowledgeHelper");

    private GlueApi() {
    }

    static boolean allowsMember(String owner, String name) {
        if (NEVER.contains(name)) {
            return false;
        }
        Set<String> members = GLUE.get(owner);
        if (members != null && members.contains(name)) {
            return true;
        }
        int slash = owner.lastIndexOf('/');
        return slash > 0 && GLUE_PACKAGES.contains(owner.substring(0, slash + 1));
    }

    static boolean allowsType(String internalName) {
        String type = internalName.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        int slash = type.lastIndexOf('/');
        return GLUE.containsKey(type) || type.equals("java/io/Externalizable")
                || slash > 0 && GLUE_PACKAGES.contains(type.substring(0, slash + 1));
    }
}
