package com.deleverage.admin.console;

import com.deleverage.admin.problem.Problem;
import com.deleverage.admin.problem.RefusalHandler;
import com.deleverage.admin.refusal.Refusal;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;

import java.util.Map;
import java.util.function.Supplier;

/**
 * How a console action answers htmx: after a success, go to {@code then} (the page now shows the new state), or
 * show what it found; after a refusal, the same status the API would answer and its detail in words, shown in place of the form.
 */
public final class ConsoleOutcome {
    private ConsoleOutcome() {
    }

    public static HttpResponse<String> of(Supplier<?> action, String then) {
        return goTo(() -> {
            action.get();
            return then;
        });
    }

    /** After a success, go to the page the action names (a new job's, say); after a refusal, as {@link #of}. */
    public static HttpResponse<String> goTo(Supplier<String> action) {
        try {
            return HttpResponse.<String>ok().header(SignInController.HX_REDIRECT, action.get());
        } catch (Refusal refusal) {
            return refused(RefusalHandler.problem(refusal));
        }
    }

    /** After a success, {@code what} the action found, in words; after a refusal, as {@link #of}. */
    public static HttpResponse<String> shown(Supplier<String> what) {
        try {
            return HttpResponse.ok("<p class=\"outcome done\" role=\"status\">" + Html.escape(what.get()) + "</p>")
                    .contentType(MediaType.TEXT_HTML_TYPE);
        } catch (Refusal refusal) {
            return refused(RefusalHandler.problem(refusal));
        }
    }

    /** After a success, the page {@code html} makes (already HTML); after a refusal, as {@link #of}. */
    public static HttpResponse<String> page(Supplier<String> html) {
        try {
            return HttpResponse.ok(html.get()).contentType(MediaType.TEXT_HTML_TYPE);
        } catch (Refusal refusal) {
            return refused(RefusalHandler.problem(refusal));
        }
    }

    /** After a success, the fragment {@code view} renders; after a refusal, as {@link #of}. */
    public static HttpResponse<?> rendered(Supplier<ModelAndView<Map<String, Object>>> view) {
        try {
            return HttpResponse.ok(view.get());
        } catch (Refusal refusal) {
            return refused(RefusalHandler.problem(refusal));
        }
    }

    private static MutableHttpResponse<String> refused(Problem problem) {
        return HttpResponse.<String>status(HttpStatus.valueOf(problem.status())).contentType(MediaType.TEXT_HTML_TYPE)
                .body("<p class=\"outcome refused\" role=\"alert\">Refused: " + Html.escape(problem.detail()) + "</p>");
    }
}
