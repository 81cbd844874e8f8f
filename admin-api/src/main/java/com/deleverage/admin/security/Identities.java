package com.deleverage.admin.security;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule that turns a sign-in name or a token's subject into the identity the platform compares
 * and records: surrounding white space removed, Unicode NFKC (so a full-width {@code ＡＵＴＨＯＲ} or a
 * ligature is the same name as its plain spelling), then lower case with {@link Locale#ROOT} (never the
 * server's locale: Turkish would lower {@code I} to a dotless ı). Applied when a caller is authenticated,
 * so every comparison (four eyes) and every audit entry sees the same spelling; {@code AUTHOR} and
 * {@code author} are one person.
 */
public final class Identities {
    /** The widest actor, author, approver and caller columns are varchar(128). */
    public static final int MAX_LENGTH = 128;

    private Identities() {
    }

    /** The canonical spelling of {@code name}. */
    public static String canonical(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The canonical identity, or empty when the name cannot be one: blank, longer than {@value #MAX_LENGTH}
     * characters, or with control characters (they would forge lines in logs).
     */
    public static Optional<String> accepted(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String canonical = canonical(name);
        boolean control = canonical.chars().anyMatch(Character::isISOControl);
        return canonical.isEmpty() || canonical.length() > MAX_LENGTH || control
                ? Optional.empty() : Optional.of(canonical);
    }

    /** Whether two names are the same identity under the rule (names stored before the rule included). */
    public static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }
}
