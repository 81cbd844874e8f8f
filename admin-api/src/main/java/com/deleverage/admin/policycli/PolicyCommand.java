package com.deleverage.admin.policycli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.function.Function;

/**
 * {@code java -jar deleveraging-platform.jar policy SUBCOMMAND} ({@code ./platform policy ...} in the repository):
 * the authoring loop of a policy folder, like {@code opa check} / {@code opa test}: check and test locally without
 * a server, stage to and fetch from a running platform.
 * Exit codes: 0 clean, 1 the policy has errors, a scenario failed, the version was rejected or the server refused,
 * 2 bad options.
 */
@Command(name = "policy", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Checks, tests, stages and fetches policy folders (see docs/writing-your-first-policy.md).",
        subcommands = {CheckCommand.class, TestCommand.class, DiffCommand.class, StageCommand.class, FetchCommand.class})
public final class PolicyCommand implements Runnable {
    /** Where the password for the server commands comes from: never an option, so it stays out of shell history. */
    static final String PASSWORD_VARIABLE = "POLICY_PASSWORD";

    private final Function<String, String> environment;

    @Spec
    CommandSpec spec;

    PolicyCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Runs the command line with the process environment; returns the exit code. */
    public static int run(String... args) {
        return commandLine(System::getenv).execute(args);
    }

    /**
     * The command with its error handling: a failure (unreadable folder, unreachable server) prints its reason,
     * not a stack trace. {@code environment} reads environment variables (tests pass their own).
     */
    public static CommandLine commandLine(Function<String, String> environment) {
        CommandLine commandLine = new CommandLine(new PolicyCommand(environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("policy " + cmd.getCommandName() + " failed: "
                    + message(e)));
            return 1;
        });
        return commandLine;
    }

    String environment(String name) {
        return environment.apply(name);
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    @Override
    public void run() {
        // `policy` alone: say which subcommands there are.
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: check, test, diff, stage or fetch");
    }
}
