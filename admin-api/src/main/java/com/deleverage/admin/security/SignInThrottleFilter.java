package com.deleverage.admin.security;

import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.BasicAuthUtils;
import io.micronaut.security.authentication.UsernamePasswordCredentials;

import java.time.Duration;
import java.util.Optional;

/**
 * Answers 429 with Retry-After to an HTTP Basic sign-in while {@link SignInThrottle} holds its user or its
 * client address, before the security filter would run bcrypt for it. Credentials bcrypt has already
 * accepted ({@link VerifiedPasswords}) pass: they cost no bcrypt, and a password guesser must not be able
 * to lock a trading system out by failing in its name or from its address. The client address is the
 * connection's, or the header named by {@code micronaut.server.client-address-header} behind a proxy.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SignInThrottleFilter implements Ordered {
    private final SignInThrottle throttle;
    private final VerifiedPasswords verified;
    private final HttpClientAddressResolver addresses;

    public SignInThrottleFilter(SignInThrottle throttle, VerifiedPasswords verified,
                                HttpClientAddressResolver addresses) {
        this.throttle = throttle;
        this.verified = verified;
        this.addresses = addresses;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<Problem> throttle(HttpRequest<?> request) {
        Optional<UsernamePasswordCredentials> credentials = request.getHeaders().getAuthorization()
                .flatMap(BasicAuthUtils::parseCredentials);
        if (credentials.isEmpty()) {
            return null;
        }
        String user = Identities.accepted(credentials.get().getUsername()).orElse(null);
        if (verified.known(user, credentials.get().getPassword())) {
            return null; // no bcrypt to protect, and a guesser must not lock out a proven client
        }
        return throttle.retryAfter(user, address(addresses, request)).map(SignInThrottleFilter::tooMany).orElse(null);
    }

    static String address(HttpClientAddressResolver addresses, HttpRequest<?> request) {
        String address = addresses.resolve(request);
        return address == null ? "unknown" : address;
    }

    private static HttpResponse<Problem> tooMany(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return ProblemResponses.of(Problem.of(HttpStatus.TOO_MANY_REQUESTS,
                        "too many failed sign-ins for this user or from this address; retry after " + seconds + " seconds"))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
