package com.deleverage.drills;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short form of the crash drill (long form: drills/ops/crash.sh, the platform jar, 20 kills): the
 * platform as a real child process (this test's class path, dev environment, H2 file database), killed
 * with SIGKILL twice at random moments during evaluations, switches and audited refusals, restarted each
 * time: it serves the recorded version, the audit chain verifies and no acknowledged decision is lost.
 */
class CrashConsistencyIT {
    @TempDir
    Path dataDir;

    @Test
    void kill9DuringActivationsAndEvaluationsLosesNothingAcknowledged() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        CrashDrill drill = new CrashDrill(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1"),
                List.of("-cp", System.getProperty("java.class.path"), "com.deleverage.admin.Application"),
                List.of("-Ddeleveraging.seed.classpath-folder=test-policies/margin"), dataDir, freePort(), 7, 3);
        CrashDrill.Result result = drill.run(2);
        System.out.println(result);
        assertThat(result.failures()).isEmpty();
        assertThat(result.rounds()).hasSize(2).allSatisfy(r -> assertThat(r.acknowledgedDecisions()).isPositive());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
