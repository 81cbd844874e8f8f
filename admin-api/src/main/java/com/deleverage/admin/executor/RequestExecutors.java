package com.deleverage.admin.executor;

/**
 * The request classes and the named executor each runs on ({@code micronaut.executors.<name>}, platform
 * threads; {@code deleveraging.executors.<name>.max-in-flight} bounds what may wait for them). A class
 * only ever waits for its own threads: two large stagings fill the compile pool, not the pool that serves
 * evaluations or the one a rollback needs.
 * <p>
 * None is a virtual-thread executor on purpose. Virtual threads share a few carrier threads (one per core):
 * a compile, a dry run or a long audit walk is CPU work without blocking points, so it keeps its carrier
 * until it ends, and on a two-core machine two of them leave no carrier for anything else that runs on
 * virtual threads. Platform threads are time-sliced by the operating system instead: a busy class slows
 * the others by its share of the CPU, it cannot stop them. What still runs on Micronaut's virtual
 * {@code blocking} executor is its own work, the JDBC check of {@code /health} among it, whose carriers no
 * request of this platform occupies any more.
 * <p>
 * Bcrypt of HTTP Basic sign-ins has its own pool too ({@code authentication}, see
 * {@code EmbeddedUserAuthenticationProvider}; its limit is taken by {@code SignInAdmission}), and replays run
 * on {@code ReplayJobs}' workers ({@code deleveraging.replay.max-concurrent}).
 */
public final class RequestExecutors {
    /** {@code POST /evaluations}: the trading systems' path. */
    public static final String EVALUATION = "evaluation";
    /** Work that compiles a version: staging (validation), dry runs, decision replays, starting a shadow run. */
    public static final String COMPILE = "compile";
    /** Activation of an approved version (compiles only when the version was not prepared ahead). */
    public static final String ACTIVATION = "activation";
    /** Rollback: never behind a compile or an activation in a queue. */
    public static final String ROLLBACK = "rollback";
    /** The bcrypt of HTTP Basic sign-ins whose password is not known good yet. */
    public static final String AUTHENTICATION = "authentication";
    /** Everything else people do: reading rule sets, diffs, approvals, the audit trail, decisions, replay jobs. */
    public static final String ADMIN = "admin";

    private RequestExecutors() {
    }
}
