package com.deleverage.drills;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop HTTP load of {@code POST /api/v1/evaluations} (the single-account snapshot) that checks
 * every response: status 200, a {@code decisionId}, and a version stamp ({@code version},
 * {@code versionHash}) that is one of the versions the caller expects, with the hash of that very
 * version (a response mixing two versions fails the check). Latencies are kept per phase (e.g. "steady"
 * and "swapping") so their percentiles can be compared. Each of {@code clients} threads has its own
 * connection.
 */
public final class EvaluationLoad implements AutoCloseable {
    private final String url;
    private final int clients;
    private final Map<Integer, String> expectedHashes;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<String> phase = new AtomicReference<>("warm-up");
    private final Map<String, List<long[]>> latencies = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> perVersion = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong badStamps = new AtomicLong();
    private final List<String> firstProblems = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
    private final boolean keepIds;
    private volatile boolean running = true;

    /** @param expectedHashes version number to content hash of every version a response may be stamped with */
    public EvaluationLoad(String baseUrl, int clients, Map<Integer, String> expectedHashes, boolean keepIds) {
        this.url = baseUrl + "/api/v1/evaluations";
        this.clients = clients;
        this.expectedHashes = new ConcurrentHashMap<>(expectedHashes);
        this.keepIds = keepIds;
    }

    public void expect(int version, String hash) {
        expectedHashes.put(version, hash);
    }

    public EvaluationLoad start() {
        for (int i = 0; i < clients; i++) {
            Thread thread = Thread.ofPlatform().name("load-" + i).daemon().start(this::run);
            threads.add(thread);
        }
        return this;
    }

    /** Latencies measured from now on are counted under this phase. */
    public void phase(String name) {
        phase.set(name);
    }

    private void run() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", PlatformClient.User.TRADER.header())
                .POST(HttpRequest.BodyPublishers.ofString(Snapshot.SINGLE_ACCOUNT)).build();
        Map<String, LatencyBuffer> mine = new java.util.HashMap<>();
        while (running) {
            String currentPhase = phase.get();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long nanos = System.nanoTime() - start;
                requests.incrementAndGet();
                mine.computeIfAbsent(currentPhase, p -> register(p)).add(nanos);
                check(response);
            } catch (java.io.IOException e) {
                if (!running) {
                    return;
                }
                requests.incrementAndGet();
                problem("I/O: " + e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            problem("status " + response.statusCode() + ": " + response.body());
            return;
        }
        try {
            JsonNode body = PlatformClient.JSON.readTree(response.body());
            String id = body.path("decisionId").asText("");
            int version = body.path("version").asInt(-1);
            String hash = body.path("versionHash").asText("");
            if (id.isEmpty() || !hash.equals(expectedHashes.get(version))) {
                badStamps.incrementAndGet();
                problem("bad stamp: decisionId=" + id + " version=" + version + " versionHash=" + hash);
                return;
            }
            perVersion.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
            if (keepIds) {
                acknowledged.add(id);
            }
        } catch (java.io.IOException e) {
            problem("not JSON: " + response.body());
        }
    }

    private void problem(String what) {
        failures.incrementAndGet();
        if (firstProblems.size() < 5) {
            firstProblems.add(what);
        }
    }

    private LatencyBuffer register(String phaseName) {
        LatencyBuffer buffer = new LatencyBuffer();
        latencies.computeIfAbsent(phaseName, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(buffer.holder);
        return buffer;
    }

    /** Stops the clients (waits for their last request). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(35_000);
        }
    }

    public long requests() {
        return requests.get();
    }

    public long failures() {
        return failures.get();
    }

    public long badStamps() {
        return badStamps.get();
    }

    public List<String> problems() {
        return List.copyOf(firstProblems);
    }

    public Map<Integer, Long> perVersion() {
        Map<Integer, Long> result = new java.util.TreeMap<>();
        perVersion.forEach((v, n) -> result.put(v, n.get()));
        return result;
    }

    /** Decision ids of every acknowledged (200, stamped) response, when kept. */
    public List<String> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** Percentiles of one phase's latencies in milliseconds: count, p50, p90, p99, max. */
    public Stats stats(String phaseName) {
        List<long[]> buffers = latencies.getOrDefault(phaseName, List.of());
        long[] all;
        synchronized (buffers) {
            all = buffers.stream().flatMapToLong(b -> Arrays.stream(b, 1, (int) b[0] + 1)).toArray();
        }
        Arrays.sort(all);
        return new Stats(all.length, pct(all, 50), pct(all, 90), pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    public record Stats(int count, double p50, double p90, double p99, double max) {
        @Override
        public String toString() {
            return String.format("n=%d p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms", count, p50, p90, p99, max);
        }
    }

    /** A growable array of latencies owned by one thread; slot 0 holds the count. */
    private static final class LatencyBuffer {
        long[] holder = new long[1 << 16];

        void add(long nanos) {
            long[] h = holder;
            int n = (int) h[0];
            if (n + 1 >= h.length) {
                return; // 65,535 samples per thread and phase are plenty for percentiles
            }
            h[n + 1] = nanos;
            h[0] = n + 1;
        }
    }
}
