package com.deleverage.admin.security;

import com.deleverage.admin.executor.InFlightLimits;
import com.deleverage.admin.executor.RequestClassAdmission;
import com.deleverage.admin.executor.RequestExecutors;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.BasicAuthUtils;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * Bounds the sign-ins waiting for bcrypt ({@code deleveraging.executors.authentication.max-in-flight}): an
 * HTTP Basic request whose password has not been verified yet holds a permit of the {@code authentication}
 * class until its response, and beyond the limit is answered 429 at once instead of queueing on the two
 * bcrypt threads. {@link SignInThrottle} stops one guesser (per user, per address); this bounds many.
 * Credentials already verified ({@link VerifiedPasswords}) cost no bcrypt and pass without a permit, so a
 * trading system that has signed in before is never refused here.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SignInAdmission implements Ordered {
    static final String EXECUTOR = RequestExecutors.AUTHENTICATION;

    private final VerifiedPasswords verified;
    private final InFlightLimits limits;

    public SignInAdmission(VerifiedPasswords verified, InFlightLimits limits) {
        this.verified = verified;
        this.limits = limits;
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> admit(HttpRequest<?> request,
                                                  FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<InFlightLimits.Gate> gate = limits.gate(EXECUTOR);
        return gate.isPresent() && needsBcrypt(request) ? RequestClassAdmission.admit(gate.get(), next) : next.proceed();
    }

    private boolean needsBcrypt(HttpRequest<?> request) {
        Optional<UsernamePasswordCredentials> credentials = request.getHeaders().getAuthorization()
                .flatMap(BasicAuthUtils::parseCredentials);
        return credentials.isPresent() && !verified.known(Identities.accepted(credentials.get().getUsername())
                .orElse(null), credentials.get().getPassword());
    }

    /** After {@link SignInThrottleFilter} (a throttled guesser takes no permit), before authentication runs. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before() + 1;
    }
}
