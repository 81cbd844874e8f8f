package com.deleverage.admin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts failed password sign-ins per user name and per client address. From the first failure a key has
 * a window; once it has {@code max} failures in it, sign-ins for that user (from anywhere) or from that
 * address (as anyone) are refused with 429 until the window ends, before any bcrypt is run. A success
 * does not clear the count: a guesser who also knows one password must not reset the window with it.
 * Both maps are bounded (Caffeine evicts beyond {@value #MAX_KEYS} keys) so cycling through invented names
 * or addresses cannot exhaust memory.
 */
@Singleton
public class SignInThrottle {
    static final int MAX_KEYS = 100_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Cache<String, AtomicInteger> users;
    private final Cache<String, AtomicInteger> addresses;

    @Inject
    public SignInThrottle(SignInProperties properties) {
        this(properties.maxFailuresPerUser(), properties.maxFailuresPerAddress(), properties.window(),
                Ticker.systemTicker());
    }

    SignInThrottle(int maxPerUser, int maxPerAddress, Duration window, Ticker ticker) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.users = counters(window, ticker);
        this.addresses = counters(window, ticker);
    }

    /**
     * How long until {@code user} from {@code address} may try again, or empty when they may now.
     *
     * @param user the canonical user name, or null when the request named none that can be an identity
     */
    public Optional<Duration> retryAfter(String user, String address) {
        Duration wait = Duration.ZERO;
        if (user != null) {
            wait = max(wait, remaining(users, user, maxPerUser));
        }
        wait = max(wait, remaining(addresses, address, maxPerAddress));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts one failed sign-in of {@code user} (null when unnamed) from {@code address}. */
    public void failed(String user, String address) {
        if (user != null) {
            users.get(user, k -> new AtomicInteger()).incrementAndGet();
        }
        addresses.get(address, k -> new AtomicInteger()).incrementAndGet();
    }

    private static Duration remaining(Cache<String, AtomicInteger> counters, String key, int max) {
        AtomicInteger failures = counters.getIfPresent(key);
        if (failures == null || failures.get() < max) {
            return Duration.ZERO;
        }
        return counters.policy().expireVariably().flatMap(p -> p.getExpiresAfter(key)).orElse(Duration.ZERO);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** A counter lives for the window from its first failure; later failures do not extend it. */
    private static Cache<String, AtomicInteger> counters(Duration window, Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .ticker(ticker)
                .expireAfter(new Expiry<String, AtomicInteger>() {
                    @Override
                    public long expireAfterCreate(String key, AtomicInteger value, long now) {
                        return window.toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, AtomicInteger value, long now, long remaining) {
                        return remaining;
                    }

                    @Override
                    public long expireAfterRead(String key, AtomicInteger value, long now, long remaining) {
                        return remaining;
                    }
                })
                .build();
    }
}
