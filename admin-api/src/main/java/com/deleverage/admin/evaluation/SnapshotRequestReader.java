package com.deleverage.admin.evaluation;

import com.deleverage.admin.request.RequestText;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import jakarta.inject.Singleton;

import java.io.InputStream;

/** Binds evaluation and dry-run bodies: parsed by the engine's strict snapshot reader, the text kept as received. */
@Singleton
@Consumes(MediaType.APPLICATION_JSON)
public final class SnapshotRequestReader implements MessageBodyReader<SnapshotRequest> {
    @Override
    public SnapshotRequest read(Argument<SnapshotRequest> type, MediaType mediaType, Headers httpHeaders,
                                InputStream body) {
        return SnapshotRequest.parse(RequestText.of(body));
    }
}
