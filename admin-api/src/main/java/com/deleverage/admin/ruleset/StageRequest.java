package com.deleverage.admin.ruleset;

import java.util.Map;

/** The body of {@code POST /rulesets/{name}/versions}: why, and the files ({@code path -> text}). */
public record StageRequest(String comment, Map<String, String> files) {
}
