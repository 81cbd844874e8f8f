package com.deleverage.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a published epoch is well formed and that its {@code solvent} claim follows from its own figures:
 * the declared reserves, in units of 10^-8, are at least the root's sum. It cannot check that the reserves
 * exist (that is the reserves' own attestation) nor that every account is in the tree (each holder checks
 * their own proof).
 */
public final class EpochCheck {
    private EpochCheck() {
    }

    /** @param trustedRoot a root hash published elsewhere that the epoch's must equal, or null */
    public static Verdict verify(String epochJson, String trustedRoot) {
        List<String> checked = new ArrayList<>();
        try {
            EpochFile epoch = StrictJson.read(epochJson, EpochFile.class, "the epoch file");
            long number = Fields.required(epoch.epoch(), "epoch");
            ProofFile.Node root = Fields.required(epoch.root(), "root");
            byte[] hash = Fields.hex32(root.hash(), "root.hash");
            BigInteger sum = Fields.amount(root.sum(), "root.sum");
            long accounts = Fields.required(epoch.accountCount(), "accountCount");
            if (accounts < 1) {
                throw new Failure("accountCount must be at least 1, not " + accounts);
            }
            checked.add("ok: epoch " + number + " as of " + epoch.asOf() + " commits to liabilities of "
                    + Fields.decimal(sum) + " (" + sum + " units of 10^-8) over " + accounts + " accounts in root "
                    + root.hash());
            if (trustedRoot != null && !java.util.Arrays.equals(hash, Fields.hex32(trustedRoot, "the root given with --root"))) {
                throw new Failure("the epoch's root " + root.hash() + " is not the published root " + trustedRoot);
            }
            DeclaredReserve reserve = DeclaredReserve.of(epoch.reserves());
            String amount = reserve.amount();
            BigInteger reserveUnits = reserve.units();
            boolean covered = reserveUnits.compareTo(sum) >= 0;
            boolean claimed = Fields.required(epoch.solvent(), "solvent");
            if (covered != claimed) {
                throw new Failure("the epoch claims solvent: " + claimed + ", but reserves of " + amount + " "
                        + reserve.asset() + " are " + (covered ? "at least" : "less than") + " the liabilities of "
                        + Fields.decimal(sum));
            }
            checked.add("PASS: reserves of " + amount + " " + reserve.asset() + (covered ? " cover" : " do not cover")
                    + " the liabilities of " + Fields.decimal(sum) + ": the epoch rightly says solvent: " + claimed);
            return new Verdict(true, checked);
        } catch (Failure failure) {
            return Verdict.fail(checked, failure.getMessage());
        }
    }
}
