package com.deleverage.admin.console;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.User;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replays page in a real browser: an author starts a replay of the active version over the bundled crash of
 * 10 Oct 2025, follows it to the end on the job's page (which polls itself), and opens its report; the job is in
 * the list and in the audit log; an operator (who may not replay) is offered neither the page nor the form.
 */
@MicronautTest(environments = "dev", transactional = false)
@Property(name = "deleveraging.replay.data-dir", value = "../market-data")
class ConsoleReplayBrowserTest extends BrowserTestSupport {

    @Test
    void anAuthorReplaysTheActiveVersionOverTheTenthOfOctoberAndOpensItsReport() {
        browser.signIn(User.AUTHOR);
        browser.driver.findElement(By.linkText("Replays")).click();
        browser.waitFor(By.id("replay-form"));
        assertThat(browser.driver.findElement(By.id("replay-version-1")).isSelected())
                .as("the active version is ticked").isTrue();
        assertThat(browser.driver.findElement(By.id("crash-btc-2025-10-10-usdm-5m")).isSelected()).isTrue();
        browser.screenshot("replays");

        browser.driver.findElement(By.id("start-replay")).click();
        browser.waitFor(By.id("replay-progress"));
        assertThat(browser.path()).startsWith("/console/replays/");
        assertThat(browser.driver.findElement(By.id("replay-summary")).getText())
                .contains("binance_usdm_BTCUSDT_perp_5m_2025-09-19_to_2025-10-27.csv");
        browser.waitForText(By.id("replay-state"), "SUCCEEDED");
        browser.screenshot("replay");
        assertThat(browser.scrollsSideways()).isFalse();
        String report = browser.driver.findElement(By.id("replay-report")).getAttribute("href");
        String job = browser.path();

        browser.driver.get(report);
        assertThat(browser.driver.getTitle()).isEqualTo("Replay BTCUSDT 2025-10-10T20:00:00Z to 2025-10-10T23:00:00Z");
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("deleveraging v1");

        browser.go("/console/replays");
        assertThat(browser.texts(By.cssSelector("#replay-jobs tbody td.state"))).containsExactly("SUCCEEDED");
        assertThat(browser.driver.findElement(By.cssSelector("#replay-jobs tbody a")).getAttribute("href")).endsWith(job);
        assertThat(new Api(http).get("/api/v1/audit?action=REPLAY_COMPLETED", User.AUDITOR).json().path("entries"))
                .hasSize(1);

        browser.signIn(User.OPERATOR);
        assertThat(browser.driver.findElements(By.linkText("Replays"))).isEmpty();
        browser.go("/console/replays");
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains("Your roles do not allow this.");
    }
}
