package com.deleverage.verifier;

import picocli.CommandLine.Command;

@Command(name = "verify-inclusion",
        description = "Checks that the proof your venue gave you leads from your own account to the published root.")
final class VerifyInclusionCommand extends ProofCheckCommand {
    @Override
    Verdict againstRoot(String proofJson, String root) {
        return InclusionCheck.againstRoot(proofJson, root);
    }

    @Override
    Verdict againstEpoch(String proofJson, String epochJson) {
        return InclusionCheck.againstEpoch(proofJson, epochJson);
    }
}
