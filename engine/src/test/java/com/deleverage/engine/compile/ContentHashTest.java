package com.deleverage.engine.compile;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    @Test
    void matchesTheDocumentedEncoding() throws Exception {
        // Canonical form of {"a.drl": "x"}: "5:a.drl" + "1:x", hashed with the JDK's SHA-256 directly.
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        String expected = "sha256:" + java.util.HexFormat.of().formatHex(
                digest.digest("5:a.drl1:x".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(ContentHash.of(Map.of("a.drl", "x"))).isEqualTo(expected);
    }

    @Test
    void dependsOnContentNotOnMapOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("a.drl", "x");
        one.put("b.drl", "y");
        Map<String, String> other = new LinkedHashMap<>();
        other.put("b.drl", "y");
        other.put("a.drl", "x");

        assertThat(ContentHash.of(one)).isEqualTo(ContentHash.of(other));
    }

    @Test
    void lengthPrefixesKeepPathAndTextApart() {
        assertThat(ContentHash.of(Map.of("ab", "c"))).isNotEqualTo(ContentHash.of(Map.of("a", "bc")));
    }
}
