package com.deleverage.admin.console;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.User;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in in a real browser: the form (no Basic prompt), who is signed in with which roles,
 * navigation by role, the session cookie's attributes, sign-out, CSRF refusal of a forged post, and the API's
 * Basic authentication untouched beside it.
 */
@MicronautTest(environments = "dev", transactional = false)
class ConsoleSignInBrowserTest extends BrowserTestSupport {

    @Test
    void aConsolePageWithoutASessionSendsTheBrowserToTheSignInForm() {
        browser.driver.manage().deleteAllCookies();

        browser.go("/console/rulesets");

        browser.waitFor(By.id("sign-in"));
        assertThat(browser.path()).isEqualTo("/console/login");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("User name");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("Password");
        browser.screenshot("sign-in");
    }

    @Test
    void eachRoleSeesItsNameItsRolesAndOnlyItsPages() {
        // The dev users of application-dev.yml: one role each; only AUDITOR reads the audit trail, only
        // POLICY_AUTHOR and POLICY_APPROVER run replays.
        Map<User, String> roles = Map.of(User.AUTHOR, "POLICY_AUTHOR", User.APPROVER, "POLICY_APPROVER",
                User.OPERATOR, "OPERATOR", User.AUDITOR, "AUDITOR");
        Map<User, List<String>> pages = Map.of(User.AUTHOR, List.of("Rule sets", "Replays"),
                User.APPROVER, List.of("Rule sets", "Replays"), User.OPERATOR, List.of("Rule sets"),
                User.AUDITOR, List.of("Rule sets", "Decisions", "Audit"));
        roles.forEach((user, role) -> {
            browser.signIn(user);

            assertThat(browser.path()).isEqualTo("/console/rulesets");
            assertThat(browser.driver.findElement(By.id("user-name")).getText()).isEqualTo(user.username());
            assertThat(browser.texts(By.cssSelector("#user-roles .role"))).containsExactly(role);
            assertThat(browser.texts(By.cssSelector("header nav a"))).isEqualTo(pages.get(user));
        });
    }

    @Test
    void theSessionIsAnHttpOnlySecureStrictCookieForTheConsoleOnly() {
        browser.signIn(User.APPROVER);

        Cookie session = browser.driver.manage().getCookieNamed("console-session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/console");
        // HTTP-only: the page's scripts cannot read it.
        assertThat((String) browser.driver.executeScript("return document.cookie;")).doesNotContain("console-session");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheForm() {
        browser.signIn("operator", "not-the-password");

        browser.waitFor(By.id("sign-in-failed"));
        assertThat(browser.path()).isEqualTo("/console/login");
        assertThat(browser.driver.manage().getCookieNamed("console-session")).isNull();
    }

    @Test
    void signOutEndsTheSession() {
        browser.signIn(User.OPERATOR);

        browser.driver.findElement(By.id("sign-out")).click();

        browser.waitFor(By.id("sign-in"));
        browser.go("/console/rulesets");
        browser.waitFor(By.id("sign-in"));
        assertThat(browser.path()).isEqualTo("/console/login");
    }

    @Test
    void aPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing() {
        browser.signIn(User.OPERATOR);

        Map<String, Object> forged = browser.forgedPost("/console/login/out");

        assertThat(forged.get("status")).isEqualTo(403L);
        assertThat((String) forged.get("body")).contains("CSRF token");
        browser.go("/console/rulesets");
        assertThat(browser.waitFor(By.id("user-name")).getText()).isEqualTo("operator");
    }

    @Test
    void theApiStillAnswersBasicAuthAndItsChallengeWithoutTheConsole() {
        Api api = new Api(http);

        assertThat(api.get("/api/v1/rulesets", User.AUDITOR).status()).isEqualTo(200);
        Api.Reply anonymous = api.get("/api/v1/rulesets", User.ANONYMOUS);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
    }
}
