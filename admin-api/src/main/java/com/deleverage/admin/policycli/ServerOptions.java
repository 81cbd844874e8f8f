package com.deleverage.admin.policycli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.util.function.Function;

/**
 * Where the server is and who calls it. The password is read from {@value PolicyCommand#PASSWORD_VARIABLE} only:
 * an option would leave it in the shell's history and in the process list.
 */
final class ServerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "The platform's base URL (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--user", required = true, paramLabel = "USER",
            description = "User to authenticate as (HTTP Basic); the password comes from $" + PolicyCommand.PASSWORD_VARIABLE + ".")
    String user;

    PolicyServer connect(Function<String, String> environment) {
        String password = environment.apply(PolicyCommand.PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "set " + PolicyCommand.PASSWORD_VARIABLE
                    + " to the password of " + user + " (there is no password option: it would stay in the shell history)");
        }
        return new PolicyServer(url, user, password);
    }
}
