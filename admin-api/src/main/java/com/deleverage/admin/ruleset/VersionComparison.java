package com.deleverage.admin.ruleset;

import com.deleverage.admin.refusal.NotFound;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * What changed between two stored versions of a rule set, one unified diff per file: the diff endpoint's
 * answer and the console's review page.
 */
@Singleton
public class VersionComparison {
    private final RuleSetRepository repository;

    public VersionComparison(RuleSetRepository repository) {
        this.repository = repository;
    }

    /** The changes from version {@code against} to {@code version}; NotFound for either missing. */
    public DiffView compare(String name, int version, int against) {
        RuleSetVersion to = find(name, version);
        RuleSetVersion from = find(name, against);
        Map<String, String> fromFiles = repository.files(name, against);
        Map<String, String> toFiles = repository.files(name, version);
        return new DiffView(name, version, to.hash(), against, from.hash(),
                DiffView.files("v" + against, fromFiles, "v" + version, toFiles), DiffView.parameters(fromFiles, toFiles));
    }

    /** The stored version, or NotFound naming the rule set or the version that is missing. */
    public RuleSetVersion find(String name, int version) {
        if (repository.ruleSet(name).isEmpty()) {
            throw new NotFound("no rule set '" + name + "'");
        }
        return repository.find(name, version)
                .orElseThrow(() -> new NotFound("rule set '" + name + "' has no version " + version));
    }
}
