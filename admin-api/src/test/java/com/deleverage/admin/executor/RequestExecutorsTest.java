package com.deleverage.admin.executor;

import com.deleverage.admin.ThreadNice;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API route runs on the executor of its request class, each of them a pool of platform threads with an
 * in-flight limit: no route is left on Micronaut's virtual-thread {@code blocking} executor, whose carriers a
 * CPU-bound request would keep from everything else on it (the JDBC check of /health among it).
 */
@MicronautTest(environments = "dev", transactional = false)
class RequestExecutorsTest {
    private static final Map<String, String> NOT_ADMIN = Map.ofEntries(
            Map.entry("POST /api/v1/evaluations", RequestExecutors.EVALUATION),
            Map.entry("POST /api/v1/rulesets/{name}/versions", RequestExecutors.COMPILE),
            Map.entry("POST /api/v1/rulesets/{name}/validations", RequestExecutors.COMPILE),
            Map.entry("POST /api/v1/rulesets/{name}/versions/{version}/dry-run", RequestExecutors.COMPILE),
            Map.entry("POST /api/v1/decisions/{id}/replay", RequestExecutors.COMPILE),
            Map.entry("PUT /api/v1/rulesets/{name}/shadow", RequestExecutors.COMPILE),
            Map.entry("POST /api/v1/solvency/epochs", RequestExecutors.COMPILE),
            Map.entry("GET /api/v1/solvency/epochs/{epoch}/proofs/{accountId}", RequestExecutors.COMPILE),
            Map.entry("HEAD /api/v1/solvency/epochs/{epoch}/proofs/{accountId}", RequestExecutors.COMPILE),
            Map.entry("POST /api/v1/margin/epochs", RequestExecutors.COMPILE),
            Map.entry("POST /api/v1/rulesets/{name}/versions/{version}/activate", RequestExecutors.ACTIVATION),
            Map.entry("POST /api/v1/rulesets/{name}/rollback", RequestExecutors.ROLLBACK));

    @Inject
    Router router;

    @Inject
    ApplicationContext context;

    @Inject
    InFlightLimits limits;

    @Test
    void everyApiRouteRunsOnTheExecutorOfItsRequestClass() {
        Map<String, String> executors = new TreeMap<>();
        router.uriRoutes().filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/")).forEach(route ->
                executors.put(key(route), route.getAnnotationMetadata().stringValue(ExecuteOn.class).orElse("(none)")));

        assertThat(executors).hasSizeGreaterThan(NOT_ADMIN.size());
        executors.forEach((route, executor) ->
                assertThat(executor).as(route).isEqualTo(NOT_ADMIN.getOrDefault(route, RequestExecutors.ADMIN)));
        assertThat(executors).containsAllEntriesOf(NOT_ADMIN);
    }

    @Test
    void eachRequestClassHasPlatformThreadsOfItsOwnAndALimit() throws Exception {
        for (String name : new String[]{RequestExecutors.EVALUATION, RequestExecutors.COMPILE,
                RequestExecutors.ACTIVATION, RequestExecutors.ROLLBACK, RequestExecutors.ADMIN,
                RequestExecutors.AUTHENTICATION}) {
            ExecutorService executor = context.getBean(ExecutorService.class, Qualifiers.byName(name));
            Thread thread = executor.submit(Thread::currentThread).get(1, TimeUnit.MINUTES);

            assertThat(thread.isVirtual()).as(name).isFalse();
            assertThat(thread.getName()).as(name).startsWith(name + "-executor-thread-");
            assertThat(limits.gate(name)).as(name).isPresent();
        }
    }

    /**
     * Compiles and bcrypt run under SCHED_IDLE and ten nice steps below the rest (19 at most), so that on a machine
     * whose cores they fill a waking evaluation takes the core at once; evaluation, activation, rollback and admin
     * keep the platform's own policy and nice value. Read from Linux's record of each thread
     * ({@code /proc/thread-self/stat}); relative, because a build may run the tests under nice.
     */
    @Test
    void compileAndAuthenticationThreadsYieldTheCpuToTheOthers() throws Exception {
        Map<String, ThreadNice> scheduling = new TreeMap<>();
        for (String name : new String[]{RequestExecutors.COMPILE, RequestExecutors.AUTHENTICATION,
                RequestExecutors.EVALUATION, RequestExecutors.ACTIVATION, RequestExecutors.ROLLBACK,
                RequestExecutors.ADMIN}) {
            ExecutorService executor = context.getBean(ExecutorService.class, Qualifiers.byName(name));
            scheduling.put(name, executor.submit(ThreadNice::ofThisThread).get(1, TimeUnit.MINUTES));
        }
        ThreadNice own = ThreadNice.ofThisThread();
        ThreadNice background = own.background();

        assertThat(own.policy()).isEqualTo(ThreadNice.SCHED_OTHER);
        assertThat(scheduling).isEqualTo(Map.of(RequestExecutors.COMPILE, background,
                RequestExecutors.AUTHENTICATION, background, RequestExecutors.EVALUATION, own,
                RequestExecutors.ACTIVATION, own, RequestExecutors.ROLLBACK, own, RequestExecutors.ADMIN, own));
    }

    /**
     * A pool starts a thread on the thread that submits to it, and Linux gives the new thread the submitter's
     * scheduling: evaluations submitted by bcrypt threads once ran on SCHED_IDLE threads. Submitted from a compile
     * thread, an evaluation still runs with the platform's own scheduling.
     */
    @Test
    void evaluationsSubmittedFromABackgroundThreadStillRunInTheForeground() throws Exception {
        ExecutorService compile = context.getBean(ExecutorService.class, Qualifiers.byName(RequestExecutors.COMPILE));
        ExecutorService evaluation = context.getBean(ExecutorService.class, Qualifiers.byName(RequestExecutors.EVALUATION));
        ThreadNice own = ThreadNice.ofThisThread();

        List<ThreadNice> seen = compile.submit(() -> {
            List<ThreadNice> threads = new ArrayList<>();
            for (int i = 0; i < 64; i++) { // more than the pool's threads: every one of them answers
                threads.add(evaluation.submit(ThreadNice::ofThisThread).get(1, TimeUnit.MINUTES));
            }
            return threads;
        }).get(2, TimeUnit.MINUTES);

        assertThat(seen).containsOnly(own);
    }

    private static String key(UriRouteInfo<?, ?> route) {
        return route.getHttpMethod() + " " + route.getUriMatchTemplate();
    }
}
