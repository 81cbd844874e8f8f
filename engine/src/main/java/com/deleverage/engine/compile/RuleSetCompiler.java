package com.deleverage.engine.compile;

import com.deleverage.engine.phase.PhaseInlining;
import com.deleverage.engine.sandbox.DrlPolicyCheck;
import com.deleverage.engine.sandbox.PolicyVerifier;
import com.deleverage.engine.sandbox.SandboxedComponents;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles the DRL files of one rule set version into a {@link CompiledVersion} with the classic DRL
 * build (true DRL line numbers in errors). Each version gets its own {@code ReleaseId}
 * ({@code com.deleverage.policies:<ruleSet>:<version>-<hash prefix>}); the built module is removed from
 * the KIE repository at once, so retired versions do not pile up in memory. Files that are not
 * {@code .drl} (scenario tests, docs) belong to the version and its hash but are not compiled.
 */
public final class RuleSetCompiler {
    static final String GROUP_ID = "com.deleverage.policies";
    private static final String RESOURCES = "src/main/resources/";

    static {
        SandboxedComponents.install();
    }

    private final KieServices kieServices = KieServices.Factory.get();
    private final Clock clock;

    public RuleSetCompiler() {
        this(Clock.systemUTC());
    }

    public RuleSetCompiler(Clock clock) {
        this.clock = clock;
    }

    public Compilation compile(String ruleSet, int version, Map<String, String> files) {
        String hash = ContentHash.of(files);
        PolicySources sources = PolicySources.of(files);
        if (!sources.findings().isEmpty()) {
            return new Compilation(hash, null, sources.findings());
        }
        Map<String, String> drlFiles = sources.drl();
        if (drlFiles.isEmpty()) {
            return new Compilation(hash, null, List.of(new Finding(FindingCodes.NO_RULE_FILES, Severity.ERROR, null,
                    0, 0, null, "the version has no .drl file; a rule set needs at least one")));
        }

        // Before anything is compiled: what the DRL imports and declares, and what it hands to MVEL.
        List<Finding> refused = DrlPolicyCheck.check(drlFiles).stream()
                .map(p -> new Finding(p.code(), Severity.ERROR, p.file(), p.line(), 0,
                        p.rule() != null ? p.rule() : DrlOutline.of(drlFiles.get(p.file())).ruleAt(p.line()), p.message()))
                .toList();
        if (!refused.isEmpty()) {
            return new Compilation(hash, null, refused);
        }

        ReleaseId releaseId = kieServices.newReleaseId(GROUP_ID, artifactId(ruleSet),
                version + "-" + hash.substring("sha256:".length(), "sha256:".length() + 12));
        KieFileSystem kfs = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        Map<String, DroolsMessages.Source> sourceByKiePath = new HashMap<>();
        Map<String, DrlOutline> outlines = new LinkedHashMap<>();
        drlFiles.forEach((path, text) -> {
            DroolsMessages.Source source = DroolsMessages.Source.of(path, text);
            outlines.put(path, source.outline());
            String resourcePath = resourcePath(source.outline().packageName(), path);
            // Messages name the file by its resource path, with or without the source folder.
            sourceByKiePath.put(resourcePath, source);
            sourceByKiePath.put(RESOURCES + resourcePath, source);
            // Phase names become the fixed saliences they stand for, every line and column kept.
            kfs.write(RESOURCES + resourcePath, PhaseInlining.inline(text));
        });

        KieBuilder builder;
        try {
            builder = kieServices.newKieBuilder(kfs).buildAll();
        } catch (RuntimeException e) {
            return refusedAtDefinition(hash, releaseId, e);
        }
        List<Finding> findings = new ArrayList<>(
                DroolsMessages.toFindings(builder.getResults().getMessages(), sourceByKiePath));
        DuplicateRules.replaceDroolsReports(findings, DuplicateRules.find(outlines));
        findings = new ArrayList<>(RootCauses.of(findings));
        if (findings.stream().anyMatch(Finding::isError)) {
            kieServices.getRepository().removeKieModule(releaseId);
            return new Compilation(hash, null, findings);
        }

        KieContainer container;
        try {
            container = kieServices.newKieContainer(releaseId);
        } catch (RuntimeException e) {
            return refusedAtDefinition(hash, releaseId, e);
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
        // Nothing of the version has run yet; it runs only once every class it generated is verified and metered.
        List<PolicyVerifier.Located> violations = PolicyVerifier.verify(container.getKieBase());
        if (!violations.isEmpty()) {
            findings.addAll(ForbiddenCode.findings(violations, container.getKieBase(), sourceByKiePath));
            container.dispose();
            return new Compilation(hash, null, findings);
        }
        findings.addAll(StageTags.findings(container.getKieBase(), outlines));
        if (findings.stream().anyMatch(Finding::isError)) {
            container.dispose();
            return new Compilation(hash, null, findings);
        }
        Map<String, String> fileByRule = new HashMap<>();
        outlines.forEach((path, outline) -> outline.rules().forEach(r -> fileByRule.put(r.name(), path)));
        CompiledVersion compiled = new CompiledVersion(ruleSet, version, hash, releaseId.toString(), container,
                fileByRule, clock.instant(), new CompiledVersion.StageBuilder(this, files));
        return new Compilation(hash, compiled, findings);
    }

    /**
     * A class the sandbox's gate refused while Drools defined it during the build (a function or a rule
     * class that Drools loads early): reported as the finding it is; anything else is a compiler failure.
     */
    private Compilation refusedAtDefinition(String hash, ReleaseId releaseId, RuntimeException e) {
        kieServices.getRepository().removeKieModule(releaseId);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SecurityException refused) {
                return new Compilation(hash, null, List.of(new Finding(ForbiddenCode.FORBIDDEN_API, Severity.ERROR, null,
                        0, 0, null, refused.getMessage())));
            }
        }
        throw e;
    }

    /**
     * Each file goes under its package's folder, as KieBuilder expects, keeping its own name unique; the rule
     * generated from parameters.yaml gets the .drl extension KieBuilder compiles.
     */
    private static String resourcePath(String packageName, String path) {
        String folder = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
        return folder + path.replace('/', '_') + (path.endsWith(".drl") ? "" : ".drl");
    }

    private static String artifactId(String ruleSet) {
        return ruleSet.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
