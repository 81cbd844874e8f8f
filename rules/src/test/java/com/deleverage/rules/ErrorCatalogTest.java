package com.deleverage.rules;

import com.deleverage.engine.compile.FindingCodes;
import com.deleverage.engine.lint.PolicyLinter;
import com.deleverage.engine.parameters.ParameterTable;
import com.deleverage.engine.validate.PolicyValidator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every finding code the platform can report has its page in docs/errors, listed in the index. */
class ErrorCatalogTest {
    private static final Path CATALOG = Path.of("..", "docs", "errors");

    @Test
    void everyFindingCodeHasAPageAndAnIndexEntry() throws Exception {
        List<String> codes = new ArrayList<>();
        for (Class<?> owner : List.of(FindingCodes.class, PolicyLinter.class, PolicyValidator.class, ParameterTable.class)) {
            for (Field field : owner.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                // Codes are the public string constants in capitals (ParameterTable also names its file and rule).
                if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == String.class
                        && ((String) field.get(null)).matches("[A-Z_]+")) {
                    codes.add((String) field.get(null));
                }
            }
        }
        String index = Files.readString(CATALOG.resolve("README.md"));

        assertThat(codes).hasSizeGreaterThanOrEqualTo(18).contains("PARAMETER_MISSING");
        assertThat(codes).allSatisfy(code -> {
            assertThat(CATALOG.resolve(code + ".md")).as("page of %s", code).exists();
            assertThat(Files.readString(CATALOG.resolve(code + ".md"))).as("page of %s", code)
                    .startsWith("# " + code).contains("## How to fix it");
            assertThat(index).as("index entry of %s", code).contains("(" + code + ".md)");
        });
    }
}
