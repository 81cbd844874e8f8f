package com.deleverage.engine.compile;

import org.kie.api.event.kiebase.BeforeFunctionRemovedEvent;
import org.kie.api.event.kiebase.BeforeKiePackageAddedEvent;
import org.kie.api.event.kiebase.BeforeKiePackageRemovedEvent;
import org.kie.api.event.kiebase.BeforeProcessAddedEvent;
import org.kie.api.event.kiebase.BeforeProcessRemovedEvent;
import org.kie.api.event.kiebase.BeforeRuleAddedEvent;
import org.kie.api.event.kiebase.BeforeRuleRemovedEvent;
import org.kie.api.event.kiebase.DefaultKieBaseEventListener;

/**
 * Keeps a compiled version's knowledge base as it was verified: any attempt to add or remove a rule,
 * package, function or process while the version is in use fails before Drools changes anything, so a
 * decision's version hash is always the hash of the rules that decided it. Policy code cannot reach the
 * knowledge base at all (the sandbox's allow-list); this is the engine's own second line.
 */
final class SealedKnowledgeBase extends DefaultKieBaseEventListener {
    private final String version;
    private volatile boolean sealed = true;

    SealedKnowledgeBase(String version) {
        this.version = version;
    }

    /** The version is being disposed: its packages may go. */
    void unseal() {
        sealed = false;
    }

    private void refuse(String what) {
        if (sealed) {
            throw new SecurityException("the knowledge base of " + version + " is sealed: " + what + " is refused");
        }
    }

    @Override
    public void beforeKiePackageAdded(BeforeKiePackageAddedEvent event) {
        refuse("adding a package");
    }

    @Override
    public void beforeKiePackageRemoved(BeforeKiePackageRemovedEvent event) {
        refuse("removing a package");
    }

    @Override
    public void beforeRuleAdded(BeforeRuleAddedEvent event) {
        refuse("adding the rule \"" + event.getRule().getName() + "\"");
    }

    @Override
    public void beforeRuleRemoved(BeforeRuleRemovedEvent event) {
        refuse("removing the rule \"" + event.getRule().getName() + "\"");
    }

    @Override
    public void beforeFunctionRemoved(BeforeFunctionRemovedEvent event) {
        refuse("removing a function");
    }

    @Override
    public void beforeProcessAdded(BeforeProcessAddedEvent event) {
        refuse("adding a process");
    }

    @Override
    public void beforeProcessRemoved(BeforeProcessRemovedEvent event) {
        refuse("removing a process");
    }
}
