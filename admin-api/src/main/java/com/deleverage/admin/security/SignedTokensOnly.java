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
import io.micronaut.security.token.jwt.validator.JsonWebTokenParser;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * Replaces micronaut-security-jwt's token parser so that only signed tokens ever reach its validation.
 * Micronaut accepts an unsigned ({@code alg: none}) token when no signature configuration exists, which is
 * the shipped configuration: anyone could name themselves and their roles. Here a bearer token is
 * refused (401) unless a verification key is configured
 * ({@code micronaut.security.token.jwt.signatures.secret.*} or {@code .jwks.*}), and always when it is
 * unsigned, encrypted (no decryption key is ever configured) or uses an algorithm outside the JWS
 * signature families (HMAC, RSA, EC, EdDSA). Everything else (signature, expiry, not-before, audience)
 * is still Micronaut's own validation.
 */
@Singleton
@Replaces(JsonWebTokenParser.class)
public class SignedTokensOnly implements JsonWebTokenParser<JWT> {
    private static final Logger LOG = LoggerFactory.getLogger(SignedTokensOnly.class);

    private final boolean keyConfigured;

    public SignedTokensOnly(List<SignatureConfiguration> signatures,
                            List<ReactiveSignatureConfiguration<SignedJWT>> remoteSignatures) {
        this.keyConfigured = !signatures.isEmpty() || !remoteSignatures.isEmpty();
        if (!keyConfigured) {
            LOG.info("No JWT verification key configured: bearer tokens are refused; HTTP Basic only");
        }
    }

    @Override
    public Optional<JWT> parse(String token) {
        if (!keyConfigured) {
            return Optional.empty();
        }
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
