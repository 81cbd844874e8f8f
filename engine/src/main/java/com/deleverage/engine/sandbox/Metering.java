package com.deleverage.engine.sandbox;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.HashSet;
import java.util.Set;

/**
 * Rewrites a verified policy class so that it runs metered: every backward branch (each iteration of a
 * loop) first calls {@link Fuel#tick()}, every array allocation passes its length through
 * {@link Fuel#array(int)}, every string concatenation through {@link PolicyGuards#text(String)}, every
 * decimal constructed or returned through {@link PolicyGuards#bounded}, and every guarded library call
 * becomes the call of its {@link PolicyGuards} stand-in. None of these changes the
 * operand stack, so the class keeps its frames.
 */
final class Metering {
    private static final String FUEL = Type.getInternalName(Fuel.class);
    private static final String DECIMAL = "java/math/BigDecimal";
    private static final String BOUNDED = "(Ljava/math/BigDecimal;)Ljava/math/BigDecimal;";

    private Metering() {
    }

    static byte[] meter(byte[] bytecode) {
        ClassReader reader = new ClassReader(bytecode);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MeteredMethod(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class MeteredMethod extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        MeteredMethod(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                tick();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            if (seen.contains(dflt) || Set.of(labels).stream().anyMatch(seen::contains)) {
                tick();
            }
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            if (seen.contains(dflt) || Set.of(labels).stream().anyMatch(seen::contains)) {
                tick();
            }
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.NEWARRAY) {
                chargeArray();
            }
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.ANEWARRAY) {
                chargeArray();
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (PolicyApi.isGuarded(owner, name, descriptor)) {
                boolean isStatic = opcode == Opcodes.INVOKESTATIC;
                String guard = Guards.descriptorFor(owner, name, descriptor, isStatic).orElseThrow(() ->
                        new IllegalStateException("no guard for " + owner + "." + name + descriptor + " (verification missed it)"));
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Guards.OWNER, name, guard, false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
            boolean constructedDecimal = name.equals("<init>") && owner.equals(DECIMAL);
            if (constructedDecimal || Type.getReturnType(descriptor).getInternalName().equals(DECIMAL) && !owner.equals(Guards.OWNER)) {
                // A constructor leaves the new object on the stack (new, dup, args, invokespecial): check that copy.
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Guards.OWNER, "bounded", BOUNDED, false);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
            if (Type.getReturnType(descriptor).getDescriptor().equals("Ljava/lang/String;")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, Guards.OWNER, "text", "(Ljava/lang/String;)Ljava/lang/String;", false);
            }
        }

        private void tick() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, FUEL, "tick", "()V", false);
        }

        private void chargeArray() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, FUEL, "array", "(I)I", false);
        }
    }
}
