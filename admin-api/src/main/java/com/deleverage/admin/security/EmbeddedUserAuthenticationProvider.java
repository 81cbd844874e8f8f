package com.deleverage.admin.security;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestReactiveAuthenticationProvider;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * HTTP Basic authentication against the embedded users, under the canonical spelling of their names
 * ({@link Identities}). bcrypt is deliberately slow (tens of milliseconds), too slow to pay on every
 * evaluation a trading system sends, so a successful check is remembered ({@link VerifiedPasswords}) and
 * answered at once; a wrong password always goes through bcrypt.
 * bcrypt runs on the {@code authentication} executor ({@code micronaut.executors.authentication}), never
 * on the event loop nor on the pool that serves evaluations, so password guessing can only queue behind
 * itself; and {@link SignInThrottle} stops a guesser before bcrypt once it has failed too often.
 */
@Singleton
public class EmbeddedUserAuthenticationProvider<B> implements HttpRequestReactiveAuthenticationProvider<B> {
    // Checked for unknown users too, so a wrong user name costs as long as a wrong password.
    private static final String DUMMY_HASH = "$2a$10$X08JijpY.PlJP276fvXAVeDIVty1TxFlwlvL40PcN7.RthHPyY1NK";

    private final Map<String, EmbeddedUser> users;
    private final VerifiedPasswords verified;
    private final SignInThrottle throttle;
    private final HttpClientAddressResolver addresses;
    private final ExecutorService bcrypt;

    public EmbeddedUserAuthenticationProvider(List<EmbeddedUser> users, VerifiedPasswords verified,
                                              SignInThrottle throttle, HttpClientAddressResolver addresses,
                                              @Named("authentication") ExecutorService executor) {
        this.users = byCanonicalName(users);
        this.verified = verified;
        this.throttle = throttle;
        this.addresses = addresses;
        this.bcrypt = executor;
    }

    private static Map<String, EmbeddedUser> byCanonicalName(List<EmbeddedUser> users) {
        Map<String, EmbeddedUser> byName = new HashMap<>();
        for (EmbeddedUser user : users) {
            String name = Identities.accepted(user.getName()).orElseThrow(() -> new ConfigurationException(
                    "embedded user '" + user.getName() + "': a user name is 1 to 128 characters without control characters"));
            EmbeddedUser other = byName.put(name, user);
            if (other != null) {
                throw new ConfigurationException("embedded users '" + other.getName() + "' and '" + user.getName()
                        + "' are the same identity '" + name + "' (names are compared trimmed, NFKC, lower case)");
            }
        }
        return Map.copyOf(byName);
    }

    @Override
    public Publisher<AuthenticationResponse> authenticate(HttpRequest<B> request,
                                                          AuthenticationRequest<String, String> auth) {
        String name = auth.getIdentity() == null ? null : Identities.accepted(auth.getIdentity()).orElse(null);
        String password = auth.getSecret() == null ? "" : auth.getSecret();
        String address = SignInThrottleFilter.address(addresses, request);
        EmbeddedUser user = name == null ? null : users.get(name);
        if (user != null && verified.known(name, password)) {
            return Publishers.just(AuthenticationResponse.success(name, user.getRoles()));
        }
        // The filter refuses throttled sign-ins with 429; this catches those that raced past it.
        if (throttle.retryAfter(name, address).isPresent()) {
            return Publishers.just(AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
        }
        return Publishers.fromCompletableFuture(
                () -> CompletableFuture.supplyAsync(() -> check(name, user, password, address), bcrypt));
    }

    private AuthenticationResponse check(String name, EmbeddedUser user, String password, String address) {
        boolean matches = PasswordHashes.matches(password, user == null ? DUMMY_HASH : user.getPasswordHash());
        if (user == null || !matches) {
            throttle.failed(name, address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        verified.remember(name, password);
        return AuthenticationResponse.success(name, user.getRoles());
    }
}
