package com.deleverage.verifier;

import picocli.CommandLine.Command;

@Command(name = "verify-epoch",
        description = "Checks that a published epoch is well formed and that its 'solvent' claim follows from its "
                + "declared reserves and the total of its liabilities.")
final class VerifyEpochCommand extends EpochFileCommand {
    @Override
    Verdict verify(String epochJson, String root) {
        return EpochCheck.verify(epochJson, root);
    }
}
