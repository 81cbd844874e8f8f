package com.deleverage.engine.sandbox;

import java.util.Set;

/** The sandbox's allow-list of types, for checks outside it (the lint's early messages). */
public final class PolicyTypes {
    private PolicyTypes() {
    }

    /** Whether a policy may name {@code java.util.ArrayList}-style class names: the types of its API. */
    public static boolean allowed(String qualifiedName) {
        return PolicyApi.allowsType(qualifiedName.replace('.', '/'), Set.of());
    }
}
