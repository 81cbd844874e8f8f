package com.deleverage.admin.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One page of a decision search, newest first.
 *
 * @param account   the account searched for; left out when the search was for every account
 * @param from      the window's start (inclusive)
 * @param to        its end (exclusive)
 * @param total     every match, not only this page's
 * @param decisions this page's summaries
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionPage(@Nullable String account, Instant from, Instant to, int page, int size, long total,
                           List<DecisionSummary> decisions) {
}
