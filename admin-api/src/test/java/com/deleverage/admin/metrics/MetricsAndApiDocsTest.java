package com.deleverage.admin.metrics;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /prometheus carries the platform's meters (authenticated, any role); the OpenAPI document generated
 * from the controllers and its Swagger UI are served without credentials.
 */
@MicronautTest(environments = "dev", transactional = false)
class MetricsAndApiDocsTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void prometheusShowsLatencyHistogramActionsRuleFiringsActiveVersionAndValidationFailures() {
        Api api = new Api(http);
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/evaluations", User.TRADER, "{\"asOf\": \"yesterday\"}").status()).isEqualTo(400);

        String scrape = text(HttpRequest.GET("/prometheus").basicAuth("operator", "operator-dev-password"));

        assertThat(scrape)
                .contains("deleveraging_evaluation_seconds_bucket{outcome=\"decided\",ruleSet=\"deleveraging\"")
                .contains("deleveraging_evaluation_seconds_count{outcome=\"invalid_input\"")
                .contains("deleveraging_decision_actions_total{ruleSet=\"deleveraging\",type=\"LIQUIDATE\"}")
                .contains("deleveraging_rule_firings_total{rule=\"Liquidate a cross account at 100% of maintenance margin\",ruleSet=\"deleveraging\"}")
                .contains("deleveraging_active_version{ruleSet=\"deleveraging\"} 1.0")
                .contains("deleveraging_validation_failures_total{kind=\"input\"}")
                .contains("deleveraging_decision_log_batch_count");
        assertThat(status(HttpRequest.GET("/prometheus"))).as("scraping needs credentials").isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentAndItsUiNeedNoCredentials() {
        String spec = text(HttpRequest.GET("/swagger/deleveraging-policy-platform-v1.yml"));
        assertThat(spec).contains("openapi:").contains("/api/v1/evaluations:").contains("/api/v1/decisions/{id}:")
                .contains("/api/v1/rulesets/{name}/versions/{version}/dry-run:")
                .contains("/api/v1/rulesets/{name}/shadow:");
        assertThat(text(HttpRequest.GET("/swagger-ui/index.html"))).contains("swagger-ui");
    }

    private String text(HttpRequest<?> request) {
        HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
        assertThat(response.code()).isEqualTo(200);
        return response.body();
    }

    private int status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
