package com.deleverage.engine.parameters;

import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.ast.descr.TypeFieldDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of the policy's {@code declare PolicyParameters}: what {@code parameters.yaml} must give a value
 * for, and of which kind. Read with Drools' own DRL parser; a file that does not parse is skipped here (the
 * compiler reports it).
 *
 * @param file        the DRL file that declares the type
 * @param packageName that file's package, where the generated rule goes
 * @param line        the line of the declaration
 * @param fields      the declared fields in declaration order
 */
record DeclaredParameters(String file, String packageName, int line, Map<String, Field> fields) {
    static final String TYPE = "PolicyParameters";

    /** One declared field, with the Java type its value takes and the line it is declared on. */
    record Field(String name, ParameterKind kind, int line) {
    }

    /** Every declaration of {@code PolicyParameters} in the version's DRL files (a valid policy has one). */
    static List<DeclaredParameters> find(Map<String, String> drlFiles) {
        List<DeclaredParameters> found = new ArrayList<>();
        drlFiles.forEach((path, text) -> parse(text).ifPresent(pkg -> {
            for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
                if (type.getTypeName().equals(TYPE)) {
                    found.add(of(path, pkg, type));
                }
            }
        }));
        return found;
    }

    private static DeclaredParameters of(String path, PackageDescr pkg, TypeDeclarationDescr type) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (TypeFieldDescr field : type.getFields().values()) {
            String typeName = field.getPattern() == null ? "" : field.getPattern().getObjectType();
            fields.put(field.getFieldName(),
                    new Field(field.getFieldName(), ParameterKind.of(typeName, imported(pkg, typeName)), field.getLine()));
        }
        return new DeclaredParameters(path, pkg.getName(), type.getLine(), fields);
    }

    /** The fully qualified name an imported simple name stands for, or the name itself. */
    private static String imported(PackageDescr pkg, String typeName) {
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            if (target.endsWith("." + typeName)) {
                return target;
            }
        }
        return typeName;
    }

    private static Optional<PackageDescr> parse(String text) {
        try {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            PackageDescr pkg = parser.parse(false, text);
            return pkg == null || parser.hasErrors() ? Optional.empty() : Optional.of(pkg);
        } catch (DroolsParserException e) {
            return Optional.empty();
        }
    }
}
