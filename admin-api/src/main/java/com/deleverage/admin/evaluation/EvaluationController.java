package com.deleverage.admin.evaluation;

import com.deleverage.admin.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.security.Principal;

/** {@code POST /api/v1/evaluations}: a trading system's snapshot in, a decision out. */
@Controller("/api/v1/evaluations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EvaluationController {
    private final EvaluationService service;

    public EvaluationController(EvaluationService service) {
        this.service = service;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured(Roles.TRADING_SYSTEM)
    public ObjectNode evaluate(@Body String body, Principal caller) {
        return service.evaluate(body, caller.getName());
    }
}
