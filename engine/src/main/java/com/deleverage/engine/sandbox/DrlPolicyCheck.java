package com.deleverage.engine.sandbox;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EnumDeclarationDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check of a version's DRL before anything is compiled, on Drools' own parse of it: what the policy
 * imports and declares, which dialect and rule attributes it uses, and every expression Drools would hand
 * to MVEL (constraints, {@code from} sources, salience), which the bytecode check cannot see. Files that
 * do not parse are left to the compiler, which reports their syntax errors.
 */
public final class DrlPolicyCheck {
    /** One problem, located in the DRL. */
    public record Problem(String code, String file, int line, String rule, String message) {
    }

    /** A type the policy may not import or declare a global of. */
    public static final String FORBIDDEN_IMPORT = "FORBIDDEN_IMPORT";
    /** Anything else outside the allow-list. */
    public static final String FORBIDDEN_API = "FORBIDDEN_API";

    private static final Set<String> RESERVED_PACKAGES = Set.of("java", "javax", "jdk", "sun", "com", "org", "net",
            "io", "kotlin", "scala");
    private static final Set<String> REFUSED_ATTRIBUTES = Set.of("timer", "duration", "calendars", "date-effective",
            "date-expires", "dialect", "enabled", "auto-focus");
    private static final Set<String> JAVA_LANG = Set.of("String", "Integer", "Long", "Short", "Byte", "Double",
            "Float", "Boolean", "Character", "Number", "Math", "Object", "Comparable", "CharSequence", "Iterable",
            "Enum");

    private DrlPolicyCheck() {
    }

    public static List<Problem> check(Map<String, String> drlFiles) {
        List<PackageDescr> parsed = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        drlFiles.forEach((path, text) -> {
            try {
                DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
                PackageDescr pkg = parser.parse(false, text);
                if (pkg != null && !parser.hasErrors()) {
                    parsed.add(pkg);
                    paths.add(path);
                }
            } catch (DroolsParserException e) {
                // the compiler reports it as DRL_SYNTAX
            }
        });
        Set<String> declared = new HashSet<>();
        Set<String> functions = new HashSet<>();
        Set<String> members = new HashSet<>();
        for (PackageDescr pkg : parsed) {
            pkg.getTypeDeclarations().forEach(t -> {
                declared.add(t.getTypeName());
                t.getFields().keySet().forEach(field -> {
                    members.add(field);
                    String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
                    members.addAll(Set.of("get" + cap, "is" + cap));
                });
            });
            pkg.getEnumDeclarations().forEach(e -> {
                declared.add(e.getTypeName());
                e.getLiterals().forEach(l -> members.add(l.getName()));
                e.getFields().keySet().forEach(members::add);
            });
            pkg.getFunctions().forEach(f -> functions.add(f.getName()));
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            new FileCheck(paths.get(i), parsed.get(i), declared, functions, members, problems).run();
        }
        return problems;
    }

    private static final class FileCheck {
        private final String path;
        private final PackageDescr pkg;
        private final Set<String> declared;
        private final Set<String> functions;
        private final Set<String> members;
        private final List<Problem> problems;
        private final Set<String> classes = new HashSet<>(JAVA_LANG);
        private final Set<String> globals = new HashSet<>();

        FileCheck(String path, PackageDescr pkg, Set<String> declared, Set<String> functions, Set<String> members,
                  List<Problem> problems) {
            this.path = path;
            this.pkg = pkg;
            this.declared = declared;
            this.functions = functions;
            this.members = members;
            this.problems = problems;
        }

        void run() {
            String first = pkg.getName().contains(".") ? pkg.getName().substring(0, pkg.getName().indexOf('.')) : pkg.getName();
            if (RESERVED_PACKAGES.contains(first)) {
                add(pkg, null, "the package '" + pkg.getName() + "' is reserved for the platform and libraries; name the policy's own package (e.g. 'deleveraging')");
            }
            classes.addAll(declared);
            classes.addAll(MvelNames.engineTypes().stream().filter(t -> importsType(t)).toList());
            for (ImportDescr imp : pkg.getImports()) {
                String target = imp.getTarget();
                if (!importable(target)) {
                    add(FORBIDDEN_IMPORT, imp, null, "import of '" + target + "' is not allowed: a policy may import only the platform's fact, action, risk and math types and the java.lang, java.math, java.time and java.util types of its API");
                } else {
                    classes.add(target.substring(target.lastIndexOf('.') + 1));
                }
            }
            for (FunctionImportDescr imp : pkg.getFunctionImports()) {
                String target = imp.getTarget();
                String owner = target.substring(0, Math.max(0, target.lastIndexOf('.')));
                if (!importable(owner) || !MvelNames.allows(target.substring(target.lastIndexOf('.') + 1))) {
                    add(FORBIDDEN_IMPORT, imp, null, "static import of '" + target + "' is not allowed: only members of the types a policy may use");
                }
            }
            pkg.getAccumulateImports().forEach(a -> add(a, null, "'import accumulate' is not allowed: use the built-in accumulate functions"));
            for (GlobalDescr global : pkg.getGlobals()) {
                globals.add(global.getIdentifier());
                if (!typeAllowed(global.getType())) {
                    add(FORBIDDEN_IMPORT, global, null, "global of type '" + global.getType() + "' is not allowed in a policy");
                }
            }
            for (AttributeDescr attribute : pkg.getAttributes()) {
                attribute(attribute, null);
            }
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                for (var superType : type.getSuperTypes()) {
                    String name = superType.getName();
                    boolean own = declared.contains(name) || declared.contains(superType.getFullName());
                    if (!own && !name.equals("Object") && !superType.getFullName().equals("java.lang.Object")
                            && !PolicyApi.allowsType(superType.getFullName().replace('.', '/'), Set.of())) {
                        add(type, null, "declared type '" + type.getTypeName() + "' extends '" + superType.getFullName()
                                + "', which is outside the types a policy may use");
                    }
                }
                for (TypeFieldDescr field : type.getFields().values()) {
                    if (field.getInitExpr() != null && !field.getInitExpr().isBlank()) {
                        add(field, null, "field '" + field.getFieldName() + "' of '" + type.getTypeName() + "' has a default value; defaults are evaluated by MVEL at run time: set the value where the fact is created");
                    }
                    String fieldType = field.getPattern() == null ? null : field.getPattern().getObjectType();
                    if (fieldType != null && !typeAllowed(fieldType)) {
                        add(field, null, "field '" + field.getFieldName() + "' of '" + type.getTypeName() + "' has the type '" + fieldType + "', which is outside the types a policy may use");
                    }
                }
            }
            for (EnumDeclarationDescr e : pkg.getEnumDeclarations()) {
                e.getLiterals().forEach(l -> l.getConstructorArgs().forEach(arg -> mvel(arg, e, null, Set.of())));
            }
            pkg.getWindowDeclarations().forEach(w -> add(w, null, "window declarations are not allowed in a policy"));
            pkg.getEntryPointDeclarations().forEach(e -> add(e, null, "entry-point declarations are not allowed in a policy"));
            for (AbstractClassTypeDeclarationDescr type : pkg.getClassAndEnumDeclarationDescrs()) {
                if (type.getTypeName().toLowerCase(java.util.Locale.ROOT).startsWith("rule_")) {
                    add(type, null, "the name '" + type.getTypeName() + "' is reserved: Drools names its own generated classes Rule_...");
                }
            }
            for (FunctionDescr function : pkg.getFunctions()) {
                if (function.getName().toLowerCase(java.util.Locale.ROOT).startsWith("rule_")) {
                    add(function, null, "the name '" + function.getName() + "' is reserved: Drools names its own generated classes Rule_...");
                }
                if (function.getDialect() != null && function.getDialect().equals("mvel")) {
                    add(function, null, "function '" + function.getName() + "' uses the MVEL dialect; write it in Java");
                }
            }
            for (RuleDescr rule : pkg.getRules()) {
                rule(rule);
            }
        }

        private boolean importsType(String simpleName) {
            return pkg.getImports().stream().anyMatch(i -> i.getTarget().endsWith(".*")
                    && PolicyApi.isEngineType(i.getTarget().replace(".*", "").replace('.', '/') + "/" + simpleName));
        }

        private void rule(RuleDescr rule) {
            rule.getAttributes().values().forEach(a -> attribute(a, rule.getName()));
            Set<String> bindings = new HashSet<>(globals);
            collectBindings(rule.getLhs(), bindings);
            if (rule.getSalience() != null) {
                mvel(rule.getSalience(), rule, rule.getName(), bindings);
            }
            lhs(rule.getLhs(), rule.getName(), bindings);
        }

        private void attribute(AttributeDescr attribute, String rule) {
            String name = attribute.getName();
            if (name.equals("dialect") && "java".equals(attribute.getValue())) {
                return;
            }
            if (REFUSED_ATTRIBUTES.contains(name)) {
                add(attribute, rule, "the attribute '" + name + "' is not allowed in a policy"
                        + (name.equals("dialect") ? ": actions and conditions are Java; the MVEL dialect runs outside the platform's checks"
                        : name.startsWith("date-") || name.equals("timer") || name.equals("duration") || name.equals("calendars")
                        ? ": a decision depends on the snapshot's asOf (EvaluationContext), never on the clock" : ""));
            }
        }

        private void collectBindings(BaseDescr descr, Set<String> bindings) {
            if (descr instanceof PatternDescr pattern) {
                if (pattern.getIdentifier() != null) {
                    bindings.add(pattern.getIdentifier());
                }
                bindings.addAll(pattern.getAllBoundIdentifiers());
                if (pattern.getSource() instanceof AccumulateDescr acc) {
                    acc.getFunctions().forEach(f -> {
                        if (f.getBind() != null) {
                            bindings.add(f.getBind());
                        }
                    });
                    if (acc.getInput() != null) {
                        collectBindings(acc.getInput(), bindings);
                    }
                }
                if (pattern.getConstraint() != null) {
                    collectBindings((BaseDescr) pattern.getConstraint(), bindings);
                }
            } else if (descr instanceof ExprConstraintDescr expr) {
                String text = expr.getExpression();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\w$]+)\\s*:(?!=)").matcher(text);
                while (m.find()) {
                    bindings.add(m.group(1));
                }
            } else if (descr instanceof ConditionalElementDescr ce) {
                ce.getDescrs().forEach(d -> collectBindings((BaseDescr) d, bindings));
            }
        }

        private void lhs(BaseDescr descr, String rule, Set<String> bindings) {
            if (descr instanceof PatternDescr pattern) {
                if (pattern.getObjectType() != null && !typeAllowed(pattern.getObjectType())) {
                    add(pattern, rule, "the pattern matches '" + pattern.getObjectType() + "', which is outside the types a policy may use");
                }
                if (pattern.getConstraint() != null) {
                    lhs((BaseDescr) pattern.getConstraint(), rule, bindings);
                }
                if (pattern.getSource() instanceof FromDescr from) {
                    mvel(from.getExpression(), from, rule, bindings);
                } else if (pattern.getSource() instanceof org.drools.drl.ast.descr.GroupByDescr) {
                    add(pattern, rule, "'groupby' is not allowed: use 'accumulate'");
                } else if (pattern.getSource() instanceof AccumulateDescr acc) {
                    if (acc.getInput() != null) {
                        lhs(acc.getInput(), rule, bindings);
                    }
                } else if (pattern.getSource() != null && !(pattern.getSource() instanceof org.drools.drl.ast.descr.CollectDescr)) {
                    add(pattern, rule, "the pattern source '" + pattern.getSource().getText() + "' is not allowed: use 'from' a field or function, 'accumulate' or 'collect'");
                } else if (pattern.getSource() instanceof org.drools.drl.ast.descr.CollectDescr collect) {
                    lhs(collect.getInputPattern(), rule, bindings);
                }
            } else if (descr instanceof ExprConstraintDescr expr) {
                mvel(expr.getExpression(), expr, rule, bindings);
            } else if (descr instanceof EvalDescr || descr instanceof org.drools.drl.ast.descr.NamedConsequenceDescr) {
                // eval(...) and do[...] are compiled Java: the bytecode check reads them
            } else if (descr instanceof ConditionalElementDescr ce && !(descr instanceof org.drools.drl.ast.descr.ConditionalBranchDescr)) {
                ce.getDescrs().forEach(d -> lhs((BaseDescr) d, rule, bindings));
            } else if (descr != null) {
                // Fail closed: a construct this check does not know may carry an expression it cannot see.
                add(descr, rule, "the construct '" + descr.getClass().getSimpleName().replace("Descr", "")
                        + "' is not allowed in a policy's conditions; write it as patterns, 'from', 'accumulate' or a second rule");
            }
        }

        private void mvel(String expression, BaseDescr at, String rule, Set<String> bindings) {
            Set<String> visible = new HashSet<>(bindings);
            visible.addAll(globals);
            MvelExpressionCheck.check(expression, new MvelExpressionCheck.Scope(visible, functions, classes, members))
                    .ifPresent(problem -> add(at, rule, "the expression '" + abbreviate(expression) + "' uses " + problem));
        }

        private boolean importable(String target) {
            if (target.endsWith(".*")) {
                String folder = target.substring(0, target.length() - 2).replace('.', '/') + "/";
                return PolicyApi.isEngineType(folder + "X");
            }
            return typeAllowed(target);
        }

        private boolean typeAllowed(String type) {
            String t = type.replaceAll("<.*", "").replace("[]", "").trim();
            if (t.isEmpty() || Set.of("int", "long", "double", "float", "boolean", "short", "byte", "char").contains(t)
                    || declared.contains(t) || classes.contains(t) || t.startsWith(pkg.getName() + ".")) {
                return true;
            }
            if (!t.contains(".")) {
                return true; // an unknown simple name does not compile (UNKNOWN_TYPE); a known one was imported
            }
            return PolicyApi.allowsType(t.replace('.', '/'), Set.of());
        }

        private void add(BaseDescr at, String rule, String message) {
            add(FORBIDDEN_API, at, rule, message);
        }

        private void add(String code, BaseDescr at, String rule, String message) {
            problems.add(new Problem(code, path, Math.max(0, at.getLine()), rule, message));
        }

        private static String abbreviate(String s) {
            String flat = s.replaceAll("\\s+", " ").trim();
            return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
        }
    }
}
