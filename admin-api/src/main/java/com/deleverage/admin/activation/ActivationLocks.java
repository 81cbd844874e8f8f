package com.deleverage.admin.activation;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per rule set for changing what this node serves. An activation that finds the lock taken
 * is refused at once (the caller gets 409) instead of queueing behind a compile; across nodes the
 * database's activation counter decides.
 */
@Singleton
public class ActivationLocks {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The rule set's lock if it was free, now held by the caller; null if another activation holds it. */
    public ReentrantLock tryLock(String ruleSet) {
        ReentrantLock lock = lockOf(ruleSet);
        return lock.tryLock() ? lock : null;
    }

    /** The rule set's lock, waited for and now held by the caller (start-up must not skip a rule set). */
    public ReentrantLock lock(String ruleSet) {
        ReentrantLock lock = lockOf(ruleSet);
        lock.lock();
        return lock;
    }

    private ReentrantLock lockOf(String ruleSet) {
        return locks.computeIfAbsent(ruleSet, r -> new ReentrantLock());
    }
}
