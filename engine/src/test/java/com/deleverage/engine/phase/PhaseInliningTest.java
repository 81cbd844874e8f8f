package com.deleverage.engine.phase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseInliningTest {
    private static final String IMPORT = "package p;\nimport com.deleverage.engine.phase.Phase;\n";

    @Test
    void aPhaseNameBecomesItsNumberPaddedToTheSameLength() {
        String drl = IMPORT + """
                rule "Margin call"
                    salience ( Phase.MARGIN_CALLS - $a.riskRank ) // after the liquidations
                when
                    $a : AccountRisk( )
                then
                end
                rule "Classify"
                    salience Phase.CLASSIFY_POOLS
                when
                then
                end
                """;

        String inlined = PhaseInlining.inline(drl);

        // "Phase.MARGIN_CALLS" is 18 characters, "450000000" 9: nine spaces keep every column after it in place.
        // "Phase.CLASSIFY_POOLS" is 20 characters, "890000000" 9: eleven spaces (the last written \s, which a
        // text block keeps).
        assertThat(inlined).isEqualTo(IMPORT + """
                rule "Margin call"
                    salience ( 450000000          - $a.riskRank ) // after the liquidations
                when
                    $a : AccountRisk( )
                then
                end
                rule "Classify"
                    salience 890000000          \s
                when
                then
                end
                """);
        assertThat(inlined).hasSameSizeAs(drl);
    }

    @Test
    void withoutTheImportOnlyTheQualifiedNameIsInlined() {
        // A file may declare a Phase of its own; without the import, only the full name is the platform's:
        // 46 characters, so 37 spaces after the 9 digits.
        String drl = """
                package p;
                rule "r"
                    salience com.deleverage.engine.phase.Phase.LIQUIDATIONS
                when
                    Phase( level == Phase.LIQUIDATIONS )
                then
                end
                """;

        assertThat(PhaseInlining.inline(drl)).isEqualTo("""
                package p;
                rule "r"
                    salience 500000000                                    \s
                when
                    Phase( level == Phase.LIQUIDATIONS )
                then
                end
                """);
    }

    @Test
    void commentsStringsImportsAndUnknownNamesStayAsWritten() {
        String drl = IMPORT + """
                import static com.deleverage.engine.phase.Phase.LIQUIDATIONS;
                // runs in Phase.LIQUIDATIONS
                rule "Phase.LIQUIDATIONS"
                    salience Phase.LIQUIDATIONZ
                when
                then
                    insert(new Note("Phase.LIQUIDATIONS", MyPhase.LIQUIDATIONS, $x.Phase.LIQUIDATIONS));
                end
                """;

        assertThat(PhaseInlining.inline(drl)).isEqualTo(drl);
    }

    @Test
    void theNamesAreThePublicIntConstantsOfPhase() {
        assertThat(PhaseInlining.values()).hasSize(20)
                .containsEntry("PARAMETERS", 1_000_000_000)
                .containsEntry("CLASSIFY_MARKETS_FALLBACK", 799_000_000)
                .containsEntry("SETTLE_DEFICITS", 300_000_000);
    }
}
