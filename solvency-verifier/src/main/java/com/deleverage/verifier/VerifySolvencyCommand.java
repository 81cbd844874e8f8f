package com.deleverage.verifier;

import picocli.CommandLine.Command;

@Command(name = "verify-solvency",
        description = "Checks a zero-knowledge epoch (step 2): its proof that the declared reserves cover the total "
                + "of its liabilities, without the total being shown.")
final class VerifySolvencyCommand extends EpochFileCommand {
    @Override
    Verdict verify(String epochJson, String root) {
        return SolvencyCheck.verify(epochJson, root);
    }
}
