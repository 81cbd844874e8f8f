package com.deleverage.verifier.zk;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A range proof as JSON (docs/solvency.md, "Range proof"): points as 66 hex digits, scalars as 64, under the
 * names of the Bulletproofs paper.
 */
@JsonPropertyOrder({"A", "S", "T1", "T2", "taux", "mu", "tHat", "L", "R", "a", "b"})
public record RangeProofFile(@JsonProperty("A") String a, @JsonProperty("S") String s,
                             @JsonProperty("T1") String t1, @JsonProperty("T2") String t2,
                             @JsonProperty("taux") String taux, @JsonProperty("mu") String mu,
                             @JsonProperty("tHat") String tHat, @JsonProperty("L") List<String> l,
                             @JsonProperty("R") List<String> r, @JsonProperty("a") String aFinal,
                             @JsonProperty("b") String bFinal) {
}
