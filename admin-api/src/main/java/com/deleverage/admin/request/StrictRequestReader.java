package com.deleverage.admin.request;

import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.util.List;

/**
 * Binds JSON bodies to the API's {@link StrictRequest} records with the engine's strict mapper instead of
 * Micronaut's: a duplicate key, an unknown field, a malformed or out-of-bounds decimal is a 400 naming the
 * field, raised while the body is read. (Typed {@code <T extends StrictRequest>} so that Micronaut prefers this
 * reader to its general JSON one for exactly these types.)
 */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
public final class StrictRequestReader<T extends StrictRequest> implements MessageBodyReader<T> {
    private static final ObjectMapper STRICT = SnapshotJson.json().mapper();

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream body) {
        String text = RequestText.of(body);
        T value;
        try {
            value = STRICT.readValue(text, type.getType());
        } catch (JsonProcessingException e) {
            InputProblem problem = SnapshotJson.problemOf(e);
            throw new InvalidInput("the request body is invalid: " + problem, List.of(problem));
        }
        if (value == null) {
            throw new InvalidInput("the request body is JSON null; send a JSON object", List.of());
        }
        return value;
    }
}
