package com.deleverage.admin.console;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * A console page asked for without a session (or with an expired one) sends the browser to the sign-in
 * form; an htmx request is told to go there ({@code HX-Redirect}). A console request the user's roles do
 * not allow gets a short 403 page. Everything else (the API) is answered exactly as before: 401 with the
 * Basic challenge, 403, as problem+json.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
public class ConsoleAuthorizationExceptionHandler extends DefaultAuthorizationExceptionHandler {
    public ConsoleAuthorizationExceptionHandler(ErrorResponseProcessor<?> errors, RedirectConfiguration redirects,
                                                RedirectService redirectService,
                                                List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                                                @Nullable PriorToLoginPersistence priorToLogin) {
        super(errors, redirects, redirectService, challenges, priorToLogin);
    }

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        if (!ConsoleCookies.covers(request)) {
            return super.handle(request, exception);
        }
        if (exception.isForbidden()) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_HTML_TYPE)
                    .body("<p class=\"outcome refused\" role=\"alert\">Your roles do not allow this.</p>");
        }
        if (request.getHeaders().contains("HX-Request")) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).header(SignInController.HX_REDIRECT, SignInController.PATH);
        }
        return HttpResponse.seeOther(URI.create(SignInController.PATH));
    }
}
