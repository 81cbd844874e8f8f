package com.deleverage.admin.evaluation;

import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotJson;

import java.util.List;

/**
 * The body of an evaluation or a dry run: the snapshot as the engine's strict reader parsed it, and the JSON
 * text as it was received, which the decision log keeps as the decision's input. The OpenAPI document
 * describes the body as the snapshot ({@code Snapshot}); the text is no field of it.
 *
 * @param snapshot the parsed snapshot
 * @param json     the body as received
 */
public record SnapshotRequest(Snapshot snapshot, String json) {

    /** @throws InvalidSnapshotException the text is no snapshot: every problem names its field */
    public static SnapshotRequest parse(String json) {
        Snapshot snapshot = SnapshotJson.json().read(json);
        if (snapshot == null) {
            throw new InvalidSnapshotException(List.of(new InputProblem("", "the body is JSON null; send a snapshot object")));
        }
        return new SnapshotRequest(snapshot, json);
    }
}
