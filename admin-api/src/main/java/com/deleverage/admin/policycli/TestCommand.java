package com.deleverage.admin.policycli;

import com.deleverage.admin.ruleset.FindingView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code policy test DIR}: runs the folder's scenarios and reports which rules they leave untested. When the
 * folder does not lint or compile, nothing runs and the blocking findings are printed as {@code policy check} does.
 */
@Command(name = "test", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Runs a policy folder's scenarios (scenarios/*.yaml) and prints each result and the rule "
                + "coverage; exit status 1 when a scenario fails or the folder does not compile.")
final class TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LocalFolder folder;

    @Override
    public Integer call() {
        Map<String, String> files = folder.files();
        ScenarioTestRun.Outcome outcome = ScenarioTestRun.run(folder.ruleSet, files);
        String suite = "policy test " + folder.folder;
        String output = outcome.blocking().isEmpty()
                ? new ScenarioReport(suite, outcome).render(folder.format)
                : new FindingsReport(suite, files.keySet(), outcome.blocking().stream().map(FindingView::of).toList())
                        .render(folder.format);
        PrintWriter out = spec.commandLine().getOut();
        out.println(output);
        out.flush();
        return outcome.passed() ? 0 : 1;
    }
}
