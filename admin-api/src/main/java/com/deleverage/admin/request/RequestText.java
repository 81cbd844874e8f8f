package com.deleverage.admin.request;

import com.deleverage.admin.refusal.InvalidInput;
import io.micronaut.http.codec.CodecException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A request body as text (at most micronaut.server.max-request-size: larger bodies get 413 before this). */
public final class RequestText {
    private RequestText() {
    }

    /** @throws InvalidInput when the body is empty or only white space */
    public static String of(InputStream body) {
        try {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            if (text.isBlank()) {
                throw new InvalidInput("the request body is empty; send a JSON object", List.of());
            }
            return text;
        } catch (IOException e) {
            throw new CodecException("the request body could not be read", e);
        }
    }
}
