package com.deleverage.admin.console;

import com.deleverage.admin.security.Roles;
import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.List;

/**
 * Who is signed in and what the console offers them. The flags only decide which controls a page shows;
 * every action is still checked by its endpoint's role and by the services (four eyes, states).
 */
public record ConsoleUser(String name, List<String> roles) {
    public static ConsoleUser of(Authentication authentication) {
        Collection<String> roles = authentication.getRoles();
        return new ConsoleUser(authentication.getName(), roles.stream().sorted().toList());
    }

    public boolean canStage() {
        return roles.contains(Roles.POLICY_AUTHOR);
    }

    public boolean canApprove() {
        return roles.contains(Roles.POLICY_APPROVER);
    }

    /** Replays and dry runs: the roles the replay and dry-run API allow. */
    public boolean canReplay() {
        return canStage() || canApprove();
    }

    public boolean canOperate() {
        return roles.contains(Roles.OPERATOR);
    }

    public boolean canAudit() {
        return roles.contains(Roles.AUDITOR);
    }
}
