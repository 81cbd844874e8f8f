package com.deleverage.admin.console.decisions;

import com.fasterxml.jackson.databind.JsonNode;

/** An account's figures in a logged decision, as the engine computed them (decimals as the API writes them). */
public record AccountFigures(String id, String walletBalance, String equity, String maintenanceMargin,
                             String marginRatio, boolean bankrupt, int riskRank, int positions) {
    static AccountFigures of(JsonNode account) {
        return new AccountFigures(account.path("id").asText(), account.path("walletBalance").asText(""),
                account.path("equity").asText(""), account.path("maintenanceMargin").asText(""),
                account.path("marginRatio").asText("—"), account.path("bankrupt").asBoolean(),
                account.path("riskRank").asInt(), account.path("positions").size());
    }
}
