package com.deleverage.admin.refusal;

import com.deleverage.engine.snapshot.InputProblem;

import java.util.List;
import java.util.regex.Pattern;

/** The {@code Idempotency-Key} request header of evaluations and rollbacks: 1 to 128 visible ASCII characters. */
public final class IdempotencyKey {
    public static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private IdempotencyKey() {
    }

    /** The key itself, or null without one; {@link InvalidInput} naming the header when it is malformed. */
    public static String checked(String key) {
        if (key != null && !VALID.matcher(key).matches()) {
            throw new InvalidInput("the Idempotency-Key header must be 1 to 128 visible ASCII characters",
                    List.of(new InputProblem(HEADER,
                            "1 to 128 visible ASCII characters")));
        }
        return key;
    }
}
