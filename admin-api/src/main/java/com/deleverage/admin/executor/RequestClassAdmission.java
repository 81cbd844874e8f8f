package com.deleverage.admin.executor;

import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteMatch;
import org.reactivestreams.Publisher;

import java.util.Optional;

/**
 * Admits a request to the executor its route runs on ({@code @ExecuteOn}) only while fewer than that
 * class's {@code max-in-flight} are running or queued; otherwise answers 429 problem+json with
 * Retry-After at once. It runs on the event loop, before the request is handed to the executor, so a
 * flood of stagings is refused instead of queueing without bound; and after authentication, so requests
 * that would get 401 or 403 take no permit from those who may send them.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class RequestClassAdmission implements Ordered {
    private final InFlightLimits limits;

    public RequestClassAdmission(InFlightLimits limits) {
        this.limits = limits;
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> admit(@Nullable RouteMatch<?> route,
                                                  FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        Optional<InFlightLimits.Gate> limited = limits.gate(route == null ? null
                : route.getAnnotationMetadata().stringValue(ExecuteOn.class).orElse(null));
        return limited.isEmpty() ? next.proceed() : admit(limited.get(), next);
    }

    /** The rest of the request while it holds a permit of {@code gate}, or 429 at once when there is none. */
    public static Publisher<MutableHttpResponse<?>> admit(InFlightLimits.Gate gate,
                                                         FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        if (!gate.tryEnter()) {
            return Publishers.just(tooMany(gate));
        }
        return new ReleaseOnTermination<>(next.proceed(), gate::exit);
    }

    private static MutableHttpResponse<?> tooMany(InFlightLimits.Gate gate) {
        long seconds = Math.max(1, (gate.retryAfter().toMillis() + 999) / 1000);
        return ProblemResponses.of(Problem.of(HttpStatus.TOO_MANY_REQUESTS,
                        "the server already has " + gate.maxInFlight() + " " + gate.executor()
                                + " requests running or queued, the limit of that class (deleveraging.executors."
                                + gate.executor() + ".max-in-flight); retry after " + seconds
                                + (seconds == 1 ? " second" : " seconds")))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
