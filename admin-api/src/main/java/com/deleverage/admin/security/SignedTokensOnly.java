package com.deleverage.admin.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * Replaces micronaut-security-jwt's token parser so that only signed tokens ever reach its validation.
 * Micronaut accepts an unsigned ({@code alg: none}) token when no signature configuration exists: anyone
 * could name themselves and their roles. Here a token is refused (401) when it is unsigned, encrypted (no
 * decryption key is ever configured) or uses an algorithm outside the JWS signature families (HMAC, RSA,
 * EC, EdDSA). Everything else (signature, expiry, not-before, audience) is still Micronaut's own
 * validation. The only key the platform holds itself signs console sessions, which the API refuses
 * ({@code ConsoleSessionScope}); so the API accepts bearer tokens only once the operator configures a
 * verification key ({@code micronaut.security.token.jwt.signatures.secret.*} or {@code .jwks.*}).
 */
@Singleton
@Replaces(JsonWebTokenParser.class)
public class SignedTokensOnly implements JsonWebTokenParser<JWT> {
    private static final Logger LOG = LoggerFactory.getLogger(SignedTokensOnly.class);

    public SignedTokensOnly(List<SignatureConfiguration> signatures,
                            List<ReactiveSignatureConfiguration<SignedJWT>> remoteSignatures) {
        // The platform's own signing key (a generator's) signs console sessions, never API credentials.
        boolean operatorKey = !remoteSignatures.isEmpty()
                || signatures.stream().anyMatch(signature -> !(signature instanceof SignatureGeneratorConfiguration));
        if (!operatorKey) {
            LOG.info("No JWT verification key configured: the API refuses bearer tokens; HTTP Basic only");
        }
    }

    @Override
    public Optional<JWT> parse(String token) {
        try {
            JWT jwt = JWTParser.parse(token);
            if (jwt instanceof SignedJWT signed && known(signed.getHeader().getAlgorithm())) {
                return Optional.of(jwt);
            }
        } catch (ParseException malformed) {
            LOG.debug("unparseable bearer token: {}", malformed.getMessage());
        }
        return Optional.empty();
    }

    /** HMAC (HS256/384/512) or one of Nimbus' asymmetric signature algorithms (RSA, RSA-PSS, EC, EdDSA). */
    private static boolean known(JWSAlgorithm algorithm) {
        return JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) || JWSAlgorithm.Family.SIGNATURE.contains(algorithm);
    }

    @Override
    public Optional<Claims> parseClaims(String token) {
        return parse(token).flatMap(jwt -> {
            try {
                return Optional.of(new JwtClaimsSetAdapter(jwt.getJWTClaimsSet()));
            } catch (ParseException malformed) {
                return Optional.empty();
            }
        });
    }
}
