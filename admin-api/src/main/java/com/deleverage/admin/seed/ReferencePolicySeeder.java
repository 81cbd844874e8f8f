package com.deleverage.admin.seed;

import com.deleverage.admin.activation.ActivationService;
import com.deleverage.admin.ruleset.RuleSetRepository;
import com.deleverage.admin.ruleset.RuleSetSummary;
import com.deleverage.admin.ruleset.RuleSetVersion;
import com.deleverage.admin.ruleset.StagingService;
import com.deleverage.admin.ruleset.VersionState;
import com.deleverage.engine.compile.Finding;
import com.deleverage.engine.policy.PolicyFiles;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * On a database where no rule set is active, stages the reference policy shipped with the platform as
 * a version of rule set {@code deleveraging}, approves it as {@code system} and activates it, so a
 * fresh installation decides from its first request. Each step picks up where an interrupted earlier
 * start stopped (staging identical content returns the existing version).
 */
@Singleton
public class ReferencePolicySeeder {
    static final String RULE_SET = "deleveraging";
    static final String SYSTEM = "system";
    private static final Logger LOG = LoggerFactory.getLogger(ReferencePolicySeeder.class);

    private final RuleSetRepository repository;
    private final StagingService staging;
    private final ActivationService activation;
    private final Clock clock;
    private final String classpathFolder;

    public ReferencePolicySeeder(RuleSetRepository repository, StagingService staging, ActivationService activation,
                                 Clock clock, SeedProperties properties) {
        this.repository = repository;
        this.staging = staging;
        this.activation = activation;
        this.clock = clock;
        this.classpathFolder = properties.classpathFolder();
    }

    public void seedIfNothingActive() {
        if (repository.summaries().stream().map(RuleSetSummary::activeVersion).anyMatch(Objects::nonNull)) {
            return;
        }
        Map<String, String> files = PolicyFiles.fromClasspath(classpathFolder, getClass().getClassLoader());
        RuleSetVersion version = staging.stage(RULE_SET, "reference policy shipped with the platform, seeded on "
                + "an empty database", files, SYSTEM).version();
        if (version.state() == VersionState.REJECTED) {
            throw new IllegalStateException("the reference policy in " + classpathFolder + " does not validate: "
                    + version.findings().stream().filter(Finding::isError).map(Finding::toString).toList());
        }
        if (version.state() == VersionState.VALIDATED) {
            repository.recordApproval(RULE_SET, version.version(), SYSTEM, clock.instant());
        }
        activation.activateSeed(RULE_SET, version.version(), "the database had no active rule set: the reference "
                + "policy was seeded and approved by the platform itself, without a second person");
        LOG.info("empty database: seeded the reference policy as {} v{} ({}) and activated it",
                RULE_SET, version.version(), version.hash());
    }
}
