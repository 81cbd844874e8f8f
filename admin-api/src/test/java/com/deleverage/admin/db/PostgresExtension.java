package com.deleverage.admin.db;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private {@link PostgresServer} for one test class, started before its first test and stopped after
 * its last: {@code @RegisterExtension static final PostgresExtension postgres = new PostgresExtension();}.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {
    private PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = PostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }

    public String jdbcUrl() {
        return server.jdbcUrl();
    }
}
