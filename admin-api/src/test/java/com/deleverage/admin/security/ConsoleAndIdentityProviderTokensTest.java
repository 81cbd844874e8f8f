package com.deleverage.admin.security;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import com.deleverage.admin.console.ConsoleSignIn;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator who connects an identity provider (a key, and the recommended audience and issuer checks):
 * its tokens work on the API, the console still signs people in (its own tokens are issued by the
 * platform, not by the provider, and name the console's audience), and neither kind of token crosses over.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "micronaut.security.token.jwt.signatures.secret.idp.secret", value = ConsoleAndIdentityProviderTokensTest.SECRET)
@Property(name = "micronaut.security.token.jwt.signatures.secret.idp.jws-algorithm", value = "HS256")
@Property(name = "micronaut.security.token.jwt.claims-validators.audience", value = ConsoleAndIdentityProviderTokensTest.AUDIENCE)
@Property(name = "micronaut.security.token.jwt.claims-validators.issuer", value = ConsoleAndIdentityProviderTokensTest.ISSUER)
class ConsoleAndIdentityProviderTokensTest {
    static final String SECRET = "test-only-identity-provider-secret-of-256-bits!";
    static final String AUDIENCE = "deleveraging-platform";
    static final String ISSUER = "https://idp.example/";

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void theConsoleSignsInUnderTheProvidersAudienceAndIssuerChecks() {
        String session = ConsoleSignIn.sessionToken(http, "auditor", "auditor-dev-password");

        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/console/audit")
                .cookie(Cookie.of("console-session", session)), String.class);

        assertThat(page.body()).contains("Signed in as <strong id=\"user-name\">auditor</strong>");
    }

    @Test
    void aConsoleSessionIsRefusedByTheApiEvenWithAProviderKeyConfigured() {
        Api api = new Api(http);
        String session = ConsoleSignIn.sessionToken(http, "trader", "trader-dev-password");

        Reply evaluate = api.send(HttpRequest.POST("/api/v1/evaluations", Snapshots.UNDER_MARGINED)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(session), User.ANONYMOUS);

        assertThat(evaluate.status()).as(evaluate.toString()).isEqualTo(401);
        assertThat(evaluate.isProblem()).isTrue();
    }

    @Test
    void theProvidersTokenWorksOnTheApiButOpensNoConsolePage() {
        Api api = new Api(http);
        String token = providerToken(List.of(AUDIENCE));

        Reply evaluate = api.send(HttpRequest.POST("/api/v1/evaluations", Snapshots.UNDER_MARGINED)
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token), User.ANONYMOUS);
        HttpResponse<String> console = http.toBlocking().exchange(HttpRequest.GET("/console/audit").bearerAuth(token),
                String.class);

        assertThat(evaluate.status()).as(evaluate.toString()).isEqualTo(200);
        assertThat(console.body()).contains("<title>Sign in · Deleveraging console</title>").doesNotContain("Signed in as");
    }

    /** A provider token that also names the console's audience is still no session: sessions come from the cookie. */
    @Test
    void aProviderTokenNamingTheConsoleAudienceIsNoSession() {
        String token = providerToken(List.of(AUDIENCE, "deleveraging-console"));

        HttpResponse<String> console = http.toBlocking().exchange(HttpRequest.GET("/console/audit").bearerAuth(token),
                String.class);

        assertThat(console.body()).contains("<title>Sign in · Deleveraging console</title>").doesNotContain("Signed in as");
    }

    private static String providerToken(List<String> audience) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("auditor-desk").issuer(ISSUER).audience(audience)
                .claim("roles", List.of(Roles.AUDITOR, Roles.TRADING_SYSTEM)).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(SECRET));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
