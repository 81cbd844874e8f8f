package com.deleverage.admin.security;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import com.deleverage.admin.executor.InFlightLimits;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-ins that need bcrypt beyond deleveraging.executors.authentication.max-in-flight get 429 at once instead
 * of queueing on the bcrypt threads; a trading system whose password is already verified never waits for them.
 * The one bcrypt thread is held busy by the test, so the first wrong password is in flight while the rest
 * arrives: an ordering, not a timing.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "micronaut.executors.authentication.number-of-threads", value = "1")
@Property(name = "deleveraging.executors.authentication.max-in-flight", value = "1")
class SignInAdmissionApiTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    @Named("authentication")
    ExecutorService bcrypt;

    @Inject
    InFlightLimits limits;

    @Test
    void signInsBeyondTheLimitAreRefusedWhileVerifiedCredentialsPass() throws Exception {
        Api api = new Api(http);
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).status())
                .as("the trading system signs in before the flood").isEqualTo(200);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        bcrypt.execute(() -> {
            busy.countDown();
            awaitQuietly(release);
        });
        busy.await(1, TimeUnit.MINUTES);

        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() ->
                api.send(HttpRequest.GET("/api/v1/rulesets").basicAuth("author", "guess-1"), User.ANONYMOUS));
        for (int i = 0; i < 6000 && limits.inFlight(SignInAdmission.EXECUTOR) < 1; i++) {
            Thread.sleep(10);
        }
        int inFlight = limits.inFlight(SignInAdmission.EXECUTOR);
        Reply second = api.send(HttpRequest.GET("/api/v1/rulesets").basicAuth("approver", "guess-2"), User.ANONYMOUS);
        Reply rightButUnverified = api.get("/api/v1/rulesets", User.OPERATOR);
        Reply verified = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);
        release.countDown();

        assertThat(inFlight).isEqualTo(1);
        assertThat(second.status()).as(second.toString()).isEqualTo(429);
        assertThat(second.isProblem()).isTrue();
        assertThat(second.json().get("detail").asText()).isEqualTo("the server already has 1 authentication requests "
                + "running or queued, the limit of that class (deleveraging.executors.authentication.max-in-flight); "
                + "retry after 1 second");
        assertThat(rightButUnverified.status()).as("a first sign-in needs bcrypt too").isEqualTo(429);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(first.get(1, TimeUnit.MINUTES).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/rulesets", User.OPERATOR).status()).as("the permit is back").isEqualTo(200);
        assertThat(limits.inFlight(SignInAdmission.EXECUTOR)).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
