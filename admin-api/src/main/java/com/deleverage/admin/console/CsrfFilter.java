package com.deleverage.admin.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Set;

/**
 * Refuses (403) every state-changing console request that does not carry its session's CSRF token in the
 * {@value CsrfTokens#HEADER} header; the sign-in form's request carries the token of its sign-in cookie.
 * Runs after the security filter, so a request without a session is first sent to sign in.
 */
@ServerFilter(ConsoleCookies.PATH + "/**")
public class CsrfFilter implements Ordered {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final CsrfTokens tokens;

    public CsrfFilter(CsrfTokens tokens) {
        this.tokens = tokens;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<String> check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod())
                || tokens.accepts(request, request.getPath().equals(SignInController.PATH))) {
            return null;
        }
        return HttpResponse.<String>status(io.micronaut.http.HttpStatus.FORBIDDEN)
                .contentType(MediaType.TEXT_HTML_TYPE)
                .body("<p class=\"outcome refused\" role=\"alert\">Refused: this request did not carry the CSRF token "
                        + "of your session. Reload the page and try again.</p>");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
