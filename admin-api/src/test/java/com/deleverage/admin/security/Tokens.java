package com.deleverage.admin.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Bearer tokens for tests: properly signed ones, and the forgeries an attacker would try. */
final class Tokens {
    static final List<String> EVERY_ROLE = List.of(Roles.POLICY_AUTHOR, Roles.POLICY_APPROVER, Roles.OPERATOR,
            Roles.TRADING_SYSTEM, Roles.AUDITOR);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** An HS256 token signed with {@code secret}. */
    static String signed(String secret, String subject, List<String> roles, String audience, Instant expiry) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(expiry));
        if (audience != null) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** {@code header.payload.signature} by hand: the header says what the attacker wants it to say. */
    static String raw(String headerJson, String payloadJson, String signature) {
        return encode(headerJson) + "." + encode(payloadJson) + "." + signature;
    }

    /** A token whose header names {@code alg} but which is signed with HMAC-SHA256 and {@code secret}. */
    static String hmacWithHeader(String alg, String payloadJson, String secret) {
        String signingInput = encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + encode(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims of a token that would grant every role to {@code subject} until an hour from now. */
    static String allRolesPayload(String subject, String audience) {
        return "{\"sub\":\"" + subject + "\",\"roles\":[\"" + String.join("\",\"", EVERY_ROLE) + "\"],\"aud\":\""
                + audience + "\",\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}";
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
