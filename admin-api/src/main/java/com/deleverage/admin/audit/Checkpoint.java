package com.deleverage.admin.audit;

import java.time.Instant;

/**
 * A signed statement of how far both chains reached, exported outside the database (a line of the
 * checkpoint file and of the log): whoever deletes rows at the end of a chain and moves its head back
 * cannot make the chain reach the checkpoint again, nor sign a new checkpoint without the key.
 *
 * @param at           when it was exported
 * @param seq          the audit chain's last row
 * @param hash         that row's hash
 * @param decisionSeq  the decision chain's last seal
 * @param decisionHash that seal's hash
 * @param keyId        the key of {@code mac}
 * @param mac          HMAC over all the fields above
 */
public record Checkpoint(Instant at, long seq, String hash, long decisionSeq, String decisionHash, String keyId,
                         String mac) {
    static final String DOMAIN = "deleveraging-audit-checkpoint/v1";

    /** The line written to the file and the log. */
    String line() {
        return "checkpoint at=" + at + " audit=" + seq + "/" + hash + " decisions=" + decisionSeq + "/" + decisionHash
                + " key=" + keyId + " mac=" + mac;
    }

    String[] signedFields() {
        return new String[]{DOMAIN, at.toString(), Long.toString(seq), hash, Long.toString(decisionSeq), decisionHash,
                keyId};
    }

    /** Parses a line written by {@link #line()}; null when it is not one. */
    static Checkpoint parse(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 6 || !parts[0].equals("checkpoint")) {
            return null;
        }
        try {
            Instant at = Instant.parse(value(parts[1], "at="));
            String[] audit = value(parts[2], "audit=").split("/", 2);
            String[] decisions = value(parts[3], "decisions=").split("/", 2);
            return new Checkpoint(at, Long.parseLong(audit[0]), audit[1], Long.parseLong(decisions[0]), decisions[1],
                    value(parts[4], "key="), value(parts[5], "mac="));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String value(String part, String name) {
        if (!part.startsWith(name)) {
            throw new IllegalArgumentException(name);
        }
        return part.substring(name.length());
    }
}
