package com.deleverage.admin.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The failure counts on a clock the test moves: per user, per address, and the window from the first failure. */
class SignInThrottleTest {
    private final AtomicLong nanos = new AtomicLong();
    private final SignInThrottle throttle = new SignInThrottle(3, 5, Duration.ofMinutes(15), nanos::get);

    @Test
    void aUserIsHeldAfterMaxFailuresFromAnyAddressUntilTheWindowFromTheFirstFailureEnds() {
        throttle.failed("joe", "10.0.0.1");
        advance(Duration.ofMinutes(5));
        throttle.failed("joe", "10.0.0.2");
        assertThat(throttle.retryAfter("joe", "10.0.0.3")).isEmpty();

        throttle.failed("joe", "10.0.0.3");

        assertThat(throttle.retryAfter("joe", "10.0.0.4")).contains(Duration.ofMinutes(10));
        assertThat(throttle.retryAfter("ann", "10.0.0.4")).as("another user").isEmpty();
        advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(throttle.retryAfter("joe", "10.0.0.4")).contains(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter("joe", "10.0.0.4")).isEmpty();
    }

    @Test
    void anAddressIsHeldAfterMaxFailuresUnderAnyNamesIncludingNone() {
        for (String name : new String[]{"a", "b", "c", null}) {
            throttle.failed(name, "10.0.0.9");
        }
        assertThat(throttle.retryAfter("d", "10.0.0.9")).isEmpty();

        throttle.failed("e", "10.0.0.9");

        assertThat(throttle.retryAfter("d", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter(null, "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter("d", "10.0.0.8")).as("another address").isEmpty();
    }

    @Test
    void failuresAfterTheWindowStartANewCount() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("joe", "10.0.0." + i);
        }
        advance(Duration.ofMinutes(15));

        throttle.failed("joe", "10.0.0.1");

        assertThat(throttle.retryAfter("joe", "10.0.0.1")).isEqualTo(Optional.empty());
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
