package com.deleverage.admin.console;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret behind console sessions: it signs their tokens ({@link ConsoleSessionSignature}) and derives each
 * session's CSRF token ({@link CsrfTokens}). Configured ({@code deleveraging.console.session-key}) or drawn
 * at random when the node starts (then a restart signs everyone out, and a session holds on this node only).
 */
@Singleton
public class ConsoleSessionKey {
    private static final int RANDOM_BYTES = 32;

    private final byte[] secret;

    public ConsoleSessionKey(ConsoleProperties properties) {
        this.secret = properties.sessionKey() != null
                ? properties.sessionKey().getBytes(StandardCharsets.UTF_8)
                : random();
    }

    private static byte[] random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The key as text, for the JWT signature (base64: a random key has no text form of its own). */
    String base64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    /** HMAC-SHA256 of {@code purpose} and {@code value} under the key, base64url without padding. */
    String mac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((purpose + '\n').getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", missing);
        }
    }
}
