package com.deleverage.engine.sandbox;

import org.objectweb.asm.Type;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;

/** Finds the {@link PolicyGuards} method that stands in for a guarded library call. */
final class Guards {
    static final String OWNER = Type.getInternalName(PolicyGuards.class);
    private static final Method[] METHODS = Arrays.stream(PolicyGuards.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers())).toArray(Method[]::new);

    private Guards() {
    }

    /** The descriptor of the guard for {@code owner.name(descriptor)}, or empty when there is none. */
    static Optional<String> descriptorFor(String owner, String name, String descriptor, boolean isStatic) {
        Type[] args = Type.getArgumentTypes(descriptor);
        Type returned = Type.getReturnType(descriptor);
        for (Method m : METHODS) {
            if (!m.getName().equals(name)) {
                continue;
            }
            Type guard = Type.getType(m);
            Type[] params = guard.getArgumentTypes();
            if (!guard.getReturnType().equals(returned)) {
                continue;
            }
            if (isStatic) {
                if (Arrays.equals(params, args) && returned.getInternalName().equals(owner)) {
                    return Optional.of(guard.getDescriptor());
                }
            } else if (params.length == args.length + 1
                    && Arrays.equals(Arrays.copyOfRange(params, 1, params.length), args)
                    && receives(m.getParameterTypes()[0], owner)) {
                return Optional.of(guard.getDescriptor());
            }
        }
        return Optional.empty();
    }

    private static boolean receives(Class<?> parameter, String owner) {
        try {
            return parameter.isAssignableFrom(Class.forName(owner.replace('/', '.'), false, Guards.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
