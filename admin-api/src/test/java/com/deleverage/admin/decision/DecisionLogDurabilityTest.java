package com.deleverage.admin.decision;

import com.deleverage.admin.Snapshots;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every acknowledged decision is in the log: many trading-system connections evaluate at once (so the
 * group-commit writer batches), then the platform shuts down gracefully while requests are still
 * arriving. Afterwards every decisionId a client received with a 200 is read back from the database,
 * which outlives the application (an in-memory H2 kept open for the test JVM).
 */
class DecisionLogDurabilityTest {
    private static final Pattern DECISION_ID = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"");

    @Test
    void everyAcknowledgedDecisionIsCommittedEvenAcrossAGracefulShutdown() throws Exception {
        String url = "jdbc:h2:mem:durability-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", url,
                "micronaut.server.port", -1,
                "deleveraging.seed.classpath-folder", "test-policies/margin",
                "deleveraging.decision-log.mode", "group-commit"), "dev");
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        server.start();
        URI evaluations = server.getURI().resolve("/api/v1/evaluations");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString("trader:trader-dev-password".getBytes());
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch warm = new CountDownLatch(200);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(evaluations)
                                .timeout(Duration.ofSeconds(20))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(Snapshots.UNDER_MARGINED)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            Matcher m = DECISION_ID.matcher(response.body());
                            assertThat(m.find()).isTrue();
                            acknowledged.add(m.group(1));
                            warm.countDown();
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet(); // connection closed by the shutdown: not acknowledged
                    }
                }
            });
        }
        warm.await(); // 200 decisions acknowledged under load

        context.close(); // graceful: while clients are still sending
        stop.set(true);
        pool.close(); // waits for every client's last request

        Set<String> logged = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = connection.prepareStatement("SELECT decision_id FROM decision_log");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                logged.add(rs.getString(1));
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
        assertThat(logged).as("every acknowledged decision is in the log").containsAll(acknowledged);
        try (Connection connection = DriverManager.getConnection(url + ";", "sa", "")) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }
}
