package com.deleverage.admin.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;

import java.util.List;

/**
 * Refuses to start outside the {@code dev} environment while an embedded user has an empty password
 * hash or a well-known password (the dev passwords, the user's own name, the usual factory defaults):
 * the demo users must never guard a real installation.
 */
@Context
public class DefaultPasswordGuard {
    static final String DEV_ENVIRONMENT = "dev";

    private final Environment environment;
    private final List<EmbeddedUser> users;

    public DefaultPasswordGuard(Environment environment, List<EmbeddedUser> users) {
        this.environment = environment;
        this.users = users;
    }

    @PostConstruct
    void check() {
        if (environment.getActiveNames().contains(DEV_ENVIRONMENT)) {
            return;
        }
        for (EmbeddedUser user : users) {
            if (user.getPasswordHash().isBlank()) {
                throw refuse(user, "has no password hash");
            }
            for (String weak : defaultsFor(user.getName())) {
                if (PasswordHashes.matches(weak, user.getPasswordHash())) {
                    throw refuse(user, "has a default password");
                }
            }
        }
    }

    private static List<String> defaultsFor(String name) {
        return List.of("", name, name + "-dev-password", "password", "changeme", "admin", "secret");
    }

    private static ConfigurationException refuse(EmbeddedUser user, String problem) {
        return new ConfigurationException("refusing to start: embedded user '" + user.getName() + "' " + problem
                + ". Outside the dev environment set deleveraging.security.users." + user.getName()
                + ".password-hash to the bcrypt hash of a strong password, or remove the user and use JWT bearer tokens.");
    }
}
