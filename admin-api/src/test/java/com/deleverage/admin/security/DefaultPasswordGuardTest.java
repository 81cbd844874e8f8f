package com.deleverage.admin.security;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the dev environment the platform does not start while an embedded user has a known or empty password. */
class DefaultPasswordGuardTest {
    private static final String HASH_OF_DEV_PASSWORD = "$2a$10$i1kIDDBsdTVBDWKxNJONj.1zMLk8v/LxAqJcoL7dUEfDuYmF2yYxu";
    private static final String HASH_OF_USER_NAME = "$2a$10$656zbw63R6NLSZVOxyknZelVsuNvCByqxNvK5xuL.CDUqxUosQeWi";
    private static final String HASH_OF_STRONG_PASSWORD = "$2a$10$W9/tWyy0HEA6u/DeBrSwy.F3YX6yzXgdKpWWL7uIk.QgYWKJ3LWei";

    @Test
    void theDevPasswordIsRefusedOutsideDev() {
        assertThatThrownBy(() -> start(HASH_OF_DEV_PASSWORD).close())
                .hasStackTraceContaining("refusing to start: embedded user 'author' has a default password");
    }

    @Test
    void thePasswordEqualToTheUserNameIsRefused() {
        assertThatThrownBy(() -> start(HASH_OF_USER_NAME).close())
                .hasStackTraceContaining("embedded user 'author' has a default password");
    }

    @Test
    void anEmptyHashIsRefused() {
        assertThatThrownBy(() -> start("").close())
                .hasStackTraceContaining("embedded user 'author' has no password hash");
    }

    @Test
    void aStrongPasswordStarts() {
        try (ApplicationContext context = start(HASH_OF_STRONG_PASSWORD)) {
            assertThat(context.isRunning()).isTrue();
            assertThat(context.getEnvironment().getActiveNames()).doesNotContain("dev");
        }
    }

    private static ApplicationContext start(String authorHash) {
        return ApplicationContext.run(Map.of(
                "deleveraging.security.users.author.password-hash", authorHash,
                "deleveraging.security.users.author.roles", "POLICY_AUTHOR"), "test");
    }
}
