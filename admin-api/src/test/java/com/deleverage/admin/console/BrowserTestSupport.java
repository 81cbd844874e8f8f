package com.deleverage.admin.console;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every console browser test needs: the running platform, an HTTP client for its API, and one headless
 * chromium per test class, opened before the first test and closed after the last.
 */
abstract class BrowserTestSupport {
    static Browser browser;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @BeforeEach
    void openBrowserOnce() {
        if (browser == null) {
            browser = Browser.open(server.getURL());
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
