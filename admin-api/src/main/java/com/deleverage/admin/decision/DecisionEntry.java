package com.deleverage.admin.decision;

import com.deleverage.admin.db.StoredJson;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One logged decision as an auditor reads it: the response as it was sent, the input as it was received, and
 * what identifies and measures them.
 *
 * @param idempotencyKey the caller's Idempotency-Key; left out when it had none
 * @param accounts       the snapshot's account ids, sorted
 * @param decision       the evaluation response as sent
 * @param inputStored    whether the input is still stored
 * @param input          the snapshot as received; left out when not kept or purged after its retention
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionEntry(String decisionId, String ruleSet, int version, String versionHash, String inputHash,
                            String caller, @Nullable String idempotencyKey, Instant asOf, Instant evaluatedAt,
                            int ruleFirings, long elapsedMicros, List<String> accounts,
                            @Schema(ref = "#/components/schemas/Decision") JsonNode decision, boolean inputStored,
                            @Schema(ref = "#/components/schemas/Snapshot") @Nullable JsonNode input) {

    static DecisionEntry of(DecisionRecord r) {
        return new DecisionEntry(r.decisionId(), r.ruleSet(), r.version(), r.versionHash(), r.inputHash(), r.caller(),
                r.idempotencyKey(), r.asOf(), r.evaluatedAt(), r.ruleFirings(), r.elapsedMicros(), r.accounts(),
                StoredJson.parse(r.response()), r.input() != null, r.input() == null ? null : StoredJson.parse(r.input()));
    }
}
