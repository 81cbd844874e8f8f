package com.deleverage.engine.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks one generated class against the allow-list, instruction by instruction: every method called,
 * field read or written, class instantiated, cast to or loaded as a constant, every dynamic call site,
 * lock and exception handler. Policy classes get the strict list ({@link PolicyApi}); Drools' glue gets
 * the strict list plus what its templates need ({@link GlueApi}). Calls between policy methods are
 * reported as edges, so the caller can refuse recursion.
 */
final class BytecodeVerifier {
    private static final Set<String> POLICY_INTERFACES = Set.of("java/io/Serializable", "java/io/Externalizable");
    private static final String STRING_CONCAT = "java/lang/invoke/StringConcatFactory";

    /** A call from one policy method to another: {@code owner.name+descriptor} on both ends. */
    record Call(String from, String to) {
    }

    /** What the check found in one class. */
    record Result(List<Violation> violations, List<Call> calls) {
    }

    private BytecodeVerifier() {
    }

    static Result verify(byte[] bytecode, ClassRole role, Set<String> ownClasses) {
        List<Violation> violations = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        new ClassReader(bytecode).accept(new Checker(role, ownClasses, violations, calls), ClassReader.SKIP_FRAMES);
        return new Result(violations, calls);
    }

    private static final class Checker extends ClassVisitor {
        private final ClassRole role;
        private final Set<String> own;
        private final List<Violation> violations;
        private final List<Call> calls;
        private String className;

        Checker(ClassRole role, Set<String> own, List<Violation> violations, List<Call> calls) {
            super(Opcodes.ASM9);
            this.role = role;
            this.own = own;
            this.violations = violations;
            this.calls = calls;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            className = name;
            if (role == ClassRole.POLICY) {
                if (superName != null && !superName.equals("java/lang/Object")) {
                    add(null, 0, "declares a class that extends " + javaName(superName) + "; policy code may not define classes");
                }
                for (String itf : interfaces) {
                    if (!POLICY_INTERFACES.contains(itf)) {
                        add(null, 0, "declares a class that implements " + javaName(itf) + "; policy code may not define classes");
                    }
                }
            } else if (superName != null && !superName.equals("java/lang/Object") && !superName.equals("java/lang/Enum")
                    && !own.contains(superName)) {
                add(null, 0, "generated class extends " + javaName(superName));
            }
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            add(name, 0, "declares a class inside a rule or function (an anonymous or local class); policy code may not define classes");
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            if (role == ClassRole.POLICY && (access & Opcodes.ACC_STATIC) != 0 && !name.equals("serialVersionUID")) {
                add(null, 0, "declares the static field '" + name + "': state shared between evaluations is not allowed");
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (role == ClassRole.POLICY && (access & Opcodes.ACC_STATIC) == 0 && PolicyApi.CALLBACK_NAMES.contains(name)) {
                add(name, 0, "declares the method " + name + "(), which the platform would call back; policy code may not");
            }
            return new MethodChecker(name, descriptor);
        }

        private final class MethodChecker extends MethodVisitor {
            private final String method;
            private final String self;
            private int line;

            MethodChecker(String method, String descriptor) {
                super(Opcodes.ASM9);
                this.method = method;
                this.self = className + "." + method + descriptor;
            }

            @Override
            public void visitLineNumber(int line, Label start) {
                this.line = line;
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
                if (!allowsMember(owner, name, descriptor)) {
                    add(method, line, "calls " + javaName(owner) + "." + name + "(), which is outside the API a policy may use");
                } else if (role == ClassRole.POLICY && PolicyApi.isGuarded(owner, name, descriptor)
                        && Guards.descriptorFor(owner, name, descriptor, opcode == Opcodes.INVOKESTATIC).isEmpty()) {
                    add(method, line, "calls " + javaName(owner) + "." + name + "() with argument types the platform cannot meter ("
                            + descriptor + "); use a String, number or decimal argument");
                } else if (own.contains(owner)) {
                    calls.add(new Call(self, owner + "." + name + descriptor));
                }
            }

            @Override
            public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                if (opcode == Opcodes.PUTSTATIC && role == ClassRole.POLICY
                        && !(own.contains(owner) && name.equals("serialVersionUID"))) {
                    add(method, line, "writes the static field " + javaName(owner) + "." + name
                            + ": state shared between evaluations is not allowed");
                } else if (!allowsMember(owner, name, descriptor)) {
                    add(method, line, "uses the field " + javaName(owner) + "." + name + ", which is outside the API a policy may use");
                }
            }

            @Override
            public void visitTypeInsn(int opcode, String type) {
                if (!allowsType(type)) {
                    add(method, line, "uses the type " + javaName(type) + ", which is outside the API a policy may use");
                }
            }

            @Override
            public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                if (role == ClassRole.POLICY) {
                    add(method, line, "allocates a multi-dimensional array; use a List");
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof Type type && type.getSort() == Type.OBJECT && !allowsType(type.getInternalName())) {
                    add(method, line, "names the class " + type.getClassName() + ", which is outside the API a policy may use");
                } else if (value instanceof Handle || value instanceof ConstantDynamic
                        || value instanceof Type type && type.getSort() == Type.METHOD) {
                    add(method, line, "loads a method handle or a dynamic constant; policy code may not");
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
                if (!bootstrap.getOwner().equals(STRING_CONCAT)) {
                    add(method, line, "uses a lambda or method reference (" + javaName(bootstrap.getOwner())
                            + "); policy code may not");
                }
            }

            @Override
            public void visitInsn(int opcode) {
                if (opcode == Opcodes.MONITORENTER && role == ClassRole.POLICY) {
                    add(method, line, "uses 'synchronized': policy code may not take locks");
                }
            }

            @Override
            public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                if (role != ClassRole.POLICY) {
                    return;
                }
                if (type == null) {
                    add(method, 0, "uses 'finally' or 'synchronized': policy code may not");
                } else if (type.equals("java/lang/Throwable") || type.equals("java/lang/Error") || !allowsType(type)) {
                    add(method, 0, "catches " + javaName(type) + "; policy code may catch only the exceptions of its API");
                }
            }
        }

        private boolean allowsMember(String owner, String name, String descriptor) {
            return PolicyApi.allowsMember(owner, name, descriptor, own)
                    || role == ClassRole.GLUE && GlueApi.allowsMember(owner, name);
        }

        private boolean allowsType(String type) {
            return PolicyApi.allowsType(type, own) || role == ClassRole.GLUE && GlueApi.allowsType(type);
        }

        private void add(String method, int line, String message) {
            violations.add(new Violation(className.replace('/', '.'), method, line, message));
        }
    }

    static String javaName(String internalName) {
        return internalName.replace('/', '.');
    }
}
