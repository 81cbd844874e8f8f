package com.deleverage.drills;

import com.deleverage.drills.PlatformClient.Reply;
import com.deleverage.drills.PlatformClient.User;
import com.deleverage.streaming.StreamFeeder;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A platform with streaming on, as the stream drills run it: its command line and its {@code GET /api/v1/streaming}. */
final class StreamPlatform {
    private StreamPlatform() {
    }

    /**
     * The command of a platform node on the drill's class path, its data in {@code data}, streaming the given topics.
     *
     * @param settings further {@code -D} settings (the policy to seed, the mode, the node's ids)
     */
    static List<String> command(int port, Path data, String bootstrapServers, Path openingBook, String accountTopic,
                                String marketTopic, String decisionTopic, List<String> settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-Dmicronaut.environments=dev", "-Dmicronaut.server.host=127.0.0.1", "-Dmicronaut.server.port=" + port,
                "-Ddeleveraging.data-dir=" + data,
                "-Ddeleveraging.streaming.enabled=true",
                "-Ddeleveraging.streaming.bootstrap-servers=" + bootstrapServers,
                "-Ddeleveraging.streaming.opening-book=" + openingBook,
                "-Ddeleveraging.streaming.account-topic=" + accountTopic,
                "-Ddeleveraging.streaming.market-topic=" + marketTopic,
                "-Ddeleveraging.streaming.decision-topic=" + decisionTopic,
                "-Ddeleveraging.streaming.poll-timeout=50ms"));
        command.addAll(settings);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.deleverage.admin.Application"));
        return command;
    }

    /** The node's {@code GET /api/v1/streaming}, or an empty object while it is down or starting. */
    static JsonNode status(PlatformClient node) {
        try {
            Reply reply = node.get("/api/v1/streaming", User.OPERATOR);
            return reply.status() == 200 ? reply.json() : PlatformClient.JSON.createObjectNode();
        } catch (IOException e) {
            return PlatformClient.JSON.createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PlatformClient.JSON.createObjectNode();
        }
    }

    static void awaitLive(PlatformClient node) {
        StreamFeeder.await(() -> status(node).path("live").asBoolean(false));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
