package com.deleverage.engine.compile;

import java.util.Optional;

/**
 * Where a rule runs when a version is evaluated in two stages (see {@code docs/reference-policy.md},
 * "Stages"): a rule tagged {@code @stage("account")} runs per account partition, one tagged
 * {@code @stage("market")} per market, an untagged rule in both. Declared types marked {@code @handover} carry
 * the account stage's conclusions to the market stage. A single-session evaluation ignores the tags.
 */
public enum Stage {
    ACCOUNT("account"), MARKET("market");

    /** The rule metadata key. */
    public static final String TAG = "stage";
    /** The declared-type metadata key of the types that cross from the account stage to the market stage. */
    public static final String HANDOVER = "handover";

    private final String tag;

    Stage(String tag) {
        this.tag = tag;
    }

    /** The value a rule writes in {@code @stage(...)}. */
    public String tag() {
        return tag;
    }

    public Stage other() {
        return this == ACCOUNT ? MARKET : ACCOUNT;
    }

    /** The stage a tag value names, or empty when it names none. */
    public static Optional<Stage> ofTag(String tag) {
        for (Stage stage : values()) {
            if (stage.tag.equals(tag)) {
                return Optional.of(stage);
            }
        }
        return Optional.empty();
    }
}
