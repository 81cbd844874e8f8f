package com.deleverage.engine.compile;

import com.deleverage.engine.risk.AccountWatch;
import com.deleverage.engine.sandbox.PolicyLimitError;
import com.deleverage.engine.sandbox.Sandbox;
import com.deleverage.engine.sandbox.SandboxLimits;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * Reads the {@link AccountWatch} a version states: fires an empty session once (only rules without
 * conditions can fire, and rules matching what they insert, such as the parameters) and takes the lowest
 * watched ratio stated. A version that states none, or whose
 * empty session fails, watches every account.
 */
final class AccountWatchProbe {
    // Rules without conditions fire once each; this bounds a policy that would loop on an empty session.
    private static final int MAX_FIRINGS = 10_000;
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(1);

    private AccountWatchProbe() {
    }

    static Optional<AccountWatch> read(KieBase kieBase) {
        KieSession session = kieBase.newKieSession();
        try {
            // Runs only verified, metered code: a probe that loops or sleeps ends at its deadline.
            Sandbox.run(Sandbox.meter(SandboxLimits.DEFAULT, System.nanoTime(), PROBE_DEADLINE),
                    () -> session.fireAllRules(MAX_FIRINGS));
            return session.getObjects(o -> o instanceof AccountWatch).stream()
                    .map(AccountWatch.class::cast)
                    .min(Comparator.comparing(AccountWatch::marginRatio));
        } catch (RuntimeException | PolicyLimitError e) {
            return Optional.empty();
        } finally {
            session.dispose();
        }
    }
}
