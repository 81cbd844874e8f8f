package com.deleverage.admin.console;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The HS256 signature of console session tokens, under the console key. micronaut-security-jwt signs the
 * tokens it generates with the {@code generator} signature, and verifies a presented token against every
 * signature bean, this one included; {@link ConsoleSessionScope} then accepts a console session on console
 * pages only, so this key never authenticates an API call, while an identity provider's tokens keep
 * working on the API with their own keys (docs/security.md). A class of its own rather than a factory of
 * Micronaut's {@link SecretSignature}: a factory method inherits that class's {@code @EachBean} and would
 * produce no bean without a configured secret.
 */
@Singleton
@Named("generator")
public class ConsoleSessionSignature implements SignatureGeneratorConfiguration {
    private final SecretSignature signature;

    public ConsoleSessionSignature(ConsoleSessionKey key) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("console");
        configuration.setSecret(key.base64());
        configuration.setBase64(true);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        this.signature = new SecretSignature(configuration);
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        return signature.sign(claims);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return signature.supportedAlgorithmsMessage();
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return signature.supports(algorithm);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return signature.verify(jwt);
    }
}
