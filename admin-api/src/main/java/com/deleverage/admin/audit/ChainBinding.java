package com.deleverage.admin.audit;

import java.util.List;

/**
 * A feature whose stored records the audit chain binds (a solvency epoch's root, say): {@code /audit/verify}
 * hands it what the verified rows say and it names every stored record that disagrees. The feature keeps the
 * knowledge of its own tables; the audit package only collects the breaks.
 */
public interface ChainBinding {
    /** Reads the feature's records in the verification's transaction and compares them with {@code facts}. */
    List<ChainBreak> check(ChainFacts facts);
}
