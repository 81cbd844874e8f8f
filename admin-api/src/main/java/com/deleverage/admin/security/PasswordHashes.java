package com.deleverage.admin.security;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;

/** bcrypt verification of configured password hashes. */
final class PasswordHashes {
    private PasswordHashes() {
    }

    /** Whether {@code password} matches {@code bcryptHash}; false for an empty or malformed hash. */
    static boolean matches(String password, String bcryptHash) {
        if (bcryptHash == null || bcryptHash.isBlank()) {
            return false;
        }
        try {
            return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                    bcryptHash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
