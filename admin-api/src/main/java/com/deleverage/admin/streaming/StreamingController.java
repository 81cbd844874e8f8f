package com.deleverage.admin.streaming;

import com.deleverage.admin.executor.RequestExecutors;
import com.deleverage.admin.problem.ApiProblems;
import com.deleverage.admin.refusal.NotFound;
import com.deleverage.admin.security.Roles;
import com.deleverage.streaming.StreamStats;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Optional;

/**
 * The state of this platform's stream node, for operators and for drills that watch a node they do not run
 * in-process: whether it decides new events, how far it has read, and its counters since it started.
 */
@Controller("/api/v1/streaming")
@ExecuteOn(RequestExecutors.ADMIN)
@Tag(name = "streaming")
@ApiProblems.Common
public class StreamingController {
    private final Optional<StreamingNode> node;
    private final StreamingProperties properties;

    public StreamingController(Optional<StreamingNode> node, StreamingProperties properties) {
        this.node = node;
        this.properties = properties;
    }

    @Get
    @Secured({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The stream node of this platform: live or rebuilding, input position and counters")
    @ApiProblems.NotFound
    public StreamingStatus status() {
        StreamingNode running = node.orElseThrow(() ->
                new NotFound("streaming is not enabled on this node (deleveraging.streaming.enabled)"));
        StreamStats stats = running.stats();
        if (stats == null) {
            throw new NotFound("the stream node of this platform has not started yet");
        }
        return StreamingStatus.of(properties.mode(), running, stats);
    }
}
