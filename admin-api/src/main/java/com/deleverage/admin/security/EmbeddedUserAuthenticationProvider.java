package com.deleverage.admin.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * HTTP Basic authentication against the embedded users. bcrypt is deliberately slow (tens of
 * milliseconds), too slow to pay on every evaluation a trading system sends, so a successful check is
 * remembered as a salted SHA-256 of the password for the life of the process; a wrong password always
 * goes through bcrypt. Runs on the blocking executor, never on the event loop.
 */
@Singleton
public class EmbeddedUserAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    // Checked for unknown users too, so a wrong user name costs as long as a wrong password.
    private static final String DUMMY_HASH = "$2a$10$X08JijpY.PlJP276fvXAVeDIVty1TxFlwlvL40PcN7.RthHPyY1NK";

    private final Map<String, EmbeddedUser> users;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    public EmbeddedUserAuthenticationProvider(List<EmbeddedUser> users) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(EmbeddedUser::getName, Function.identity()));
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> auth) {
        String name = auth.getIdentity();
        String password = auth.getSecret();
        EmbeddedUser user = users.get(name);
        if (user == null || password == null) {
            PasswordHashes.matches(password == null ? "" : password, DUMMY_HASH);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        byte[] fingerprint = fingerprint(password);
        byte[] known = verified.get(name);
        if (known != null && MessageDigest.isEqual(known, fingerprint)) {
            return AuthenticationResponse.success(name, user.getRoles());
        }
        if (!PasswordHashes.matches(password, user.getPasswordHash())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        verified.put(name, fingerprint);
        return AuthenticationResponse.success(name, user.getRoles());
    }

    private byte[] fingerprint(String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
