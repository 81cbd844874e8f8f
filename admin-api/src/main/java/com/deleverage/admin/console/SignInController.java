package com.deleverage.admin.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.annotation.SingleResult;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.reactivestreams.Publisher;

import java.net.URI;
import java.util.Map;

/**
 * The console's sign-in form and sign-out. The form checks the platform's own users through the same
 * authentication provider as HTTP Basic (bcrypt, the failed sign-in throttle), and a success becomes a
 * signed JWT in an HTTP-only session cookie ({@link ConsoleCookies}). The form posts with htmx, which sends
 * the form's CSRF token as a header; the answer tells htmx where to go ({@value #HX_REDIRECT}).
 */
@Controller(SignInController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public class SignInController {
    static final String PATH = "/console/login";
    static final String HX_REDIRECT = "HX-Redirect";

    private final Authenticator<HttpRequest<?>> authenticator;
    private final TokenGenerator tokens;
    private final ConsoleCookies cookies;
    private final CsrfTokens csrf;
    private final ConsoleProperties properties;

    public SignInController(Authenticator<HttpRequest<?>> authenticator, TokenGenerator tokens,
                            ConsoleCookies cookies, CsrfTokens csrf, ConsoleProperties properties) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.cookies = cookies;
        this.csrf = csrf;
        this.properties = properties;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> form(@Nullable Authentication signedIn) {
        if (signedIn != null) {
            return HttpResponse.seeOther(URI.create(ConsoleCookies.PATH));
        }
        String token = csrf.newSignInToken();
        return HttpResponse.ok(new ModelAndView<>("console/login", Map.of(
                        "hxHeaders", "{\"" + CsrfTokens.HEADER + "\": \"" + token + "\"}")))
                .cookie(cookies.signIn(token));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @SingleResult
    public Publisher<MutableHttpResponse<?>> signIn(HttpRequest<?> request, @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        String password = form.getOrDefault("password", "");
        return Publishers.map(authenticator.authenticate(request, new UsernamePasswordCredentials(username, password)),
                this::answer);
    }

    private MutableHttpResponse<?> answer(AuthenticationResponse response) {
        if (!response.isAuthenticated() || response.getAuthentication().isEmpty()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_HTML_TYPE)
                    .body("<p class=\"outcome refused\" role=\"alert\" id=\"sign-in-failed\">Unknown user or wrong "
                            + "password (after repeated failures, sign-in pauses for a while).</p>");
        }
        int seconds = (int) properties.sessionTimeout().toSeconds();
        String token = tokens.generateToken(response.getAuthentication().get(), seconds)
                .orElseThrow(() -> new IllegalStateException("no console session token was generated"));
        return HttpResponse.ok().header(HX_REDIRECT, ConsoleCookies.PATH)
                .cookie(cookies.session(token)).cookie(cookies.expiredSignIn());
    }

    /** Sign-out: the session cookie is cleared (its token would expire with the session timeout anyway). */
    @Post("/out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED) // what htmx sends, even without fields
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> signOut() {
        return HttpResponse.ok().header(HX_REDIRECT, PATH).cookie(cookies.expiredSession());
    }
}
