package com.deleverage.engine.sandbox;

import org.drools.wiring.api.ComponentsFactory;
import org.drools.wiring.api.ComponentsSupplier;
import org.drools.wiring.api.ResourceProvider;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.drools.wiring.api.util.ByteArrayClassLoader;
import org.drools.wiring.dynamic.DynamicProjectClassLoader;
import org.drools.wiring.dynamic.PackageClassLoader;
import org.kie.api.internal.utils.KieService;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The last gate before a generated class exists: Drools defines every class of a version (rules, invokers,
 * functions, declared types) through the class loaders of its {@link ComponentsSupplier}; this supplier
 * returns loaders that check each class against the glue allow-list and define its metered form
 * ({@link Metering}): a class that fails the check is never defined, and no class of a policy exists
 * unmetered. The strict, per-role check with findings for the author is {@link PolicyVerifier}'s, at staging.
 */
public final class SandboxedComponents implements ComponentsSupplier {
    private static volatile boolean installed;

    private final ComponentsSupplier delegate;

    private SandboxedComponents(ComponentsSupplier delegate) {
        this.delegate = delegate;
    }

    /** Puts the gate in front of Drools' class definition; idempotent. */
    public static synchronized void install() {
        if (!installed) {
            ComponentsFactory.setComponentsSupplier(new SandboxedComponents(KieService.load(ComponentsSupplier.class)));
            installed = true;
        }
    }

    @Override
    public ProjectClassLoader createProjectClassLoader(ClassLoader parent, ResourceProvider resourceProvider) {
        return new GatedProjectClassLoader(parent, resourceProvider);
    }

    @Override
    public ByteArrayClassLoader createByteArrayClassLoader(ClassLoader parent) {
        // Drools' own accessors and jitted constraints: generated from resolved, verified metadata.
        return delegate.createByteArrayClassLoader(parent);
    }

    @Override
    public ClassLoader createPackageClassLoader(Map<String, byte[]> store, ClassLoader rootClassLoader) {
        return new GatedPackageClassLoader(store, rootClassLoader);
    }

    @Override
    public Object createConsequenceExceptionHandler(String className, ClassLoader classLoader) {
        return delegate.createConsequenceExceptionHandler(className, classLoader);
    }

    /** The bytes to define for {@code name}: checked against the glue list, then metered; refused otherwise. */
    static byte[] admit(String name, byte[] bytecode) {
        String internal = name.replace('.', '/');
        String pkg = internal.substring(0, Math.max(0, internal.lastIndexOf('/')) + 1);
        // Roles are not known here: every class gets the glue list, with its own package as its own classes.
        Set<String> own = new OwnPackage(pkg);
        List<Violation> violations = BytecodeVerifier.verify(bytecode, ClassRole.GLUE, own).violations();
        if (!violations.isEmpty()) {
            throw new SecurityException("policy class " + name + " refused: " + violations.get(0).message());
        }
        return Metering.meter(bytecode);
    }

    private static final class GatedPackageClassLoader extends PackageClassLoader {
        GatedPackageClassLoader(Map<String, byte[]> store, ClassLoader root) {
            super(store, root);
        }

        @Override
        public Class<?> writeClass(String name, byte[] bytecode) {
            return super.writeClass(name, admit(name, bytecode));
        }
    }

    private static final class GatedProjectClassLoader extends DynamicProjectClassLoader {
        private volatile GatedTypesClassLoader types;

        GatedProjectClassLoader(ClassLoader parent, ResourceProvider resourceProvider) {
            super(parent, resourceProvider);
        }

        @Override
        public InternalTypesClassLoader makeClassLoader() {
            types = new GatedTypesClassLoader(super.makeClassLoader());
            return types;
        }

        /**
         * The loader Drools' constraint jitter puts its classes under, as without the sandbox: jitted
         * constraints are built from expressions the DRL check has already held to the allow-list.
         */
        @Override
        public ClassLoader getTypesClassLoader() {
            GatedTypesClassLoader current = types;
            return current != null && current.delegate() instanceof ClassLoader loader ? loader : super.getTypesClassLoader();
        }

        @Override
        public Class<?> writeClass(String name, byte[] bytecode) {
            return super.writeClass(name, admit(name, bytecode));
        }
    }

    /** Declared types and functions are defined here: the same gate as the package loader's. */
    private record GatedTypesClassLoader(ProjectClassLoader.InternalTypesClassLoader delegate)
            implements ProjectClassLoader.InternalTypesClassLoader {
        @Override
        public Class<?> defineClass(String name, byte[] bytecode) {
            return delegate.defineClass(name, admit(name, bytecode));
        }

        @Override
        public Class<?> loadType(String name, boolean resolve) throws ClassNotFoundException {
            return delegate.loadType(name, resolve);
        }

        @Override
        public Class<?> findLoadedClassWithoutParent(String name) {
            return delegate.findLoadedClassWithoutParent(name);
        }
    }

    /** The classes of one package, as a set the verifier can ask. */
    private static final class OwnPackage extends java.util.AbstractSet<String> {
        private final String pkg;

        OwnPackage(String pkg) {
            this.pkg = pkg;
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof String s && !pkg.isEmpty() && s.startsWith(pkg) && s.indexOf('/', pkg.length()) < 0;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
