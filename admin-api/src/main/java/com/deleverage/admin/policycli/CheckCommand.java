package com.deleverage.admin.policycli;

import com.deleverage.admin.ruleset.FindingView;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.validate.PolicyValidator;
import com.deleverage.engine.validate.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code policy check DIR}: the validation staging runs (lint, compile, the folder's scenarios, the account-watch
 * check), on the author's machine, so that a folder that passes here is VALIDATED when staged.
 */
@Command(name = "check", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Validates a policy folder as staging does and prints its findings; exit status 1 on any ERROR.")
final class CheckCommand implements Callable<Integer> {
    /** Version number the folder is validated as; it only names the compiled release. */
    private static final int LOCAL_VERSION = 1;

    @Spec
    CommandSpec spec;

    @Mixin
    LocalFolder folder;

    @Override
    public Integer call() {
        Map<String, String> files = folder.files();
        ValidationReport report = new PolicyValidator(new RuleSetCompiler(), new Evaluator())
                .validate(folder.ruleSet, LOCAL_VERSION, files);
        FindingsReport findings = new FindingsReport("policy check " + folder.folder, files.keySet(),
                report.findings().stream().map(FindingView::of).toList());
        spec.commandLine().getOut().println(findings.render(folder.format));
        spec.commandLine().getOut().flush();
        return report.accepted() ? 0 : 1;
    }
}
