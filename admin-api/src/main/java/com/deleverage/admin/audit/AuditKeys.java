package com.deleverage.admin.audit;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys of the audit chain, kept outside the database: whoever can write to the database but does not
 * hold the key cannot compute a valid row, decision seal or checkpoint.
 *
 * <p>Either {@code deleveraging.audit.key} (with {@code deleveraging.audit.key-id}, default {@code k1}, and
 * optionally {@code deleveraging.audit.retired-keys}: {@code id:secret,...}) or {@code deleveraging.audit.key-file},
 * a file of lines {@code <id> <secret>} whose last line is the current key and whose earlier lines are
 * retired keys, kept so that rows written under them still verify (rotation appends a line and restarts).
 * A start without a key fails: an unkeyed chain is exactly what a database writer can rewrite. The dev
 * and test environments ship public keys of their own, refused anywhere else.
 */
@Context
public class AuditKeys {
    static final int MIN_SECRET_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    /** Published in application-dev.yml and application-test.yml: never a secret. */
    private static final Map<String, String> PUBLIC_SECRETS = Map.of(
            "dev-only-audit-key-PUBLIC-in-the-repository-do-not-use", "dev",
            "test-only-audit-key-PUBLIC-in-the-repository-do-not-use", "test");

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentId;

    public AuditKeys(Environment environment, AuditProperties properties) {
        String key = Objects.requireNonNullElse(properties.key(), "");
        String keyId = properties.keyId();
        String keyFile = Objects.requireNonNullElse(properties.keyFile(), "");
        Map<String, String> secrets = new LinkedHashMap<>();
        if (!keyFile.isBlank()) {
            if (!key.isBlank()) {
                throw refuse("set deleveraging.audit.key or deleveraging.audit.key-file, not both");
            }
            secrets.putAll(readKeyFile(Path.of(keyFile)));
        } else if (!key.isBlank()) {
            for (String retired : properties.retiredKeys()) {
                if (retired.isBlank()) {
                    continue;
                }
                int colon = retired.indexOf(':');
                if (colon < 1) {
                    throw refuse("deleveraging.audit.retired-keys entries are id:secret");
                }
                secrets.put(retired.substring(0, colon).trim(), retired.substring(colon + 1).trim());
            }
            secrets.remove(keyId);
            secrets.put(keyId, key); // last: the current key
        } else {
            throw refuse("no audit key is configured. Set deleveraging.audit.key-file (a file of lines "
                    + "'<id> <secret>', the last one current; generate a secret with 'openssl rand -base64 48') or "
                    + "deleveraging.audit.key (env DELEVERAGING_AUDIT_KEY). The key must not be stored in the database: "
                    + "see docs/operations.md, 'Audit key'");
        }
        Set<String> active = environment.getActiveNames();
        String current = null;
        for (Map.Entry<String, String> entry : secrets.entrySet()) {
            String id = entry.getKey();
            byte[] secret = entry.getValue().getBytes(StandardCharsets.UTF_8);
            if (!KEY_ID.matcher(id).matches()) {
                throw refuse("audit key id '" + id + "' must be 1 to 32 of A-Z a-z 0-9 . _ -");
            }
            if (secret.length < MIN_SECRET_BYTES) {
                throw refuse("audit key '" + id + "' has " + secret.length + " bytes; at least " + MIN_SECRET_BYTES
                        + " are needed");
            }
            String shippedFor = PUBLIC_SECRETS.get(entry.getValue());
            if (shippedFor != null && !active.contains(shippedFor)) {
                throw refuse("audit key '" + id + "' is the public " + shippedFor + " key shipped in the repository; "
                        + "outside the " + shippedFor + " environment configure a secret key of your own");
            }
            keys.put(id, new SecretKeySpec(secret, "HmacSHA256"));
            current = id;
        }
        this.currentId = current;
    }

    /** The id of the key new rows are written with. */
    public String currentId() {
        return currentId;
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** A fresh HMAC-SHA256 under the key, or empty for a key this node does not hold. */
    public Optional<Mac> mac(String keyId) {
        SecretKeySpec key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Optional.of(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK ships HmacSHA256", e);
        }
    }

    private static Map<String, String> readKeyFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw refuse("cannot read the audit key file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                throw refuse("the audit key file " + file + " has a line that is not '<id> <secret>'");
            }
            secrets.remove(parts[0]);
            secrets.put(parts[0], parts[1]);
        }
        if (secrets.isEmpty()) {
            throw refuse("the audit key file " + file.toAbsolutePath() + " holds no key");
        }
        return secrets;
    }

    private static ConfigurationException refuse(String problem) {
        return new ConfigurationException("refusing to start: " + problem);
    }
}
