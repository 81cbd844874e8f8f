package com.deleverage.admin.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * What every console page's layout needs: who is signed in, which navigation entries their roles open, the
 * CSRF header htmx sends, and which page is current.
 */
@Singleton
public class ConsolePage {
    private final CsrfTokens csrf;

    public ConsolePage(CsrfTokens csrf) {
        this.csrf = csrf;
    }

    /** A model for the template of {@code page}, to which the page adds its own entries. */
    public Map<String, Object> model(String page, String title, HttpRequest<?> request, Authentication authentication) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page);
        model.put("title", title);
        model.put("user", ConsoleUser.of(authentication));
        model.put("time", ConsoleTime.UTC);
        model.put("hxHeaders", "{\"" + CsrfTokens.HEADER + "\": \"" + csrf.forSession(request).orElse("") + "\"}");
        return model;
    }
}
