package com.deleverage.verifier;

import picocli.CommandLine.Command;

@Command(name = "verify-range",
        description = "Checks a zero-knowledge proof (step 2): your liability is in the published root, and your "
                + "balance and every balance beside your path are 0 or more, without showing any of theirs.")
final class VerifyRangeCommand extends ProofCheckCommand {
    @Override
    Verdict againstRoot(String proofJson, String root) {
        return RangeCheck.againstRoot(proofJson, root);
    }

    @Override
    Verdict againstEpoch(String proofJson, String epochJson) {
        return RangeCheck.againstEpoch(proofJson, epochJson);
    }
}
