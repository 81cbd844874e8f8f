package com.deleverage.admin.security;

import com.deleverage.engine.hash.Sha256;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The passwords bcrypt has accepted since start, kept as a salted SHA-256 per user (never the password):
 * a trading system that sends its credentials with every evaluation pays bcrypt once, and the sign-in
 * throttle never holds back credentials already proven right. The salt is random per process.
 */
@Singleton
public class VerifiedPasswords {
    private final Map<String, byte[]> fingerprints = new ConcurrentHashMap<>();
    private final byte[] salt = new byte[16];

    public VerifiedPasswords() {
        new SecureRandom().nextBytes(salt);
    }

    /** Whether bcrypt has accepted exactly this password for this canonical user name. */
    public boolean known(String user, String password) {
        byte[] known = user == null ? null : fingerprints.get(user);
        return known != null && MessageDigest.isEqual(known, fingerprint(password));
    }

    void remember(String user, String password) {
        fingerprints.put(user, fingerprint(password));
    }

    private byte[] fingerprint(String password) {
        return Sha256.digest(salt, password.getBytes(StandardCharsets.UTF_8));
    }
}
