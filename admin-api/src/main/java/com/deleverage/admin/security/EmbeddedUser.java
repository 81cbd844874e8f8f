package com.deleverage.admin.security;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.List;

/**
 * A user of the embedded user store, from {@code deleveraging.security.users.<name>}: a bcrypt hash of
 * the password (never the password) and the user's roles.
 */
@EachProperty("deleveraging.security.users")
public class EmbeddedUser {
    private final String name;
    private String passwordHash = "";
    private List<String> roles = List.of();

    public EmbeddedUser(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash == null ? "" : passwordHash;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
