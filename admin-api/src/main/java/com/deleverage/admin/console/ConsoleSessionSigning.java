package com.deleverage.admin.console;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The HS256 signature of console session tokens: micronaut-security-jwt signs the tokens it generates with
 * the {@code generator} signature, and verifies a presented token against every signature bean, this one
 * included. So a console session token also authenticates as a bearer token (it is as strong as any: signed
 * by this node's key, with the user's roles), while bearer tokens of an identity provider keep working
 * beside it with their own keys (docs/security.md).
 */
@Factory
class ConsoleSessionSigning {
    @Singleton
    @Named("generator")
    SecretSignature consoleSessionSignature(ConsoleSessionKey key) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("console");
        configuration.setSecret(key.base64());
        configuration.setBase64(true);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(configuration);
    }
}
