package com.deleverage.engine.compile;

import com.deleverage.engine.risk.AccountWatch;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.util.Comparator;
import java.util.Optional;

/**
 * Reads the {@link AccountWatch} a version states: fires an empty session once (only rules without
 * conditions can fire) and takes the lowest watched ratio stated. A version that states none, or whose
 * empty session fails, watches every account.
 */
final class AccountWatchProbe {
    // Rules without conditions fire once each; this bounds a policy that would loop on an empty session.
    private static final int MAX_FIRINGS = 10_000;

    private AccountWatchProbe() {
    }

    static Optional<AccountWatch> read(KieBase kieBase) {
        KieSession session = kieBase.newKieSession();
        try {
            session.fireAllRules(MAX_FIRINGS);
            return session.getObjects(o -> o instanceof AccountWatch).stream()
                    .map(AccountWatch.class::cast)
                    .min(Comparator.comparing(AccountWatch::marginRatio));
        } catch (RuntimeException e) {
            return Optional.empty();
        } finally {
            session.dispose();
        }
    }
}
