package com.deleverage.admin.executor;

/** The threads of the {@code authentication} executor: the bcrypt of HTTP Basic sign-ins. */
public final class AuthenticationThreads extends BackgroundThreadFactory {
    public AuthenticationThreads() {
        super(RequestExecutors.AUTHENTICATION);
    }
}
