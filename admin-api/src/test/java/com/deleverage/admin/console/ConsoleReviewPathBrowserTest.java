package com.deleverage.admin.console;

import com.deleverage.admin.Api;
import com.deleverage.admin.Api.Reply;
import com.deleverage.admin.Api.User;
import com.deleverage.admin.Snapshots;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four-eyes path through the console in a real browser, against the platform's own HTTP API: an author's
 * change (edited, validated with an inline finding, fixed and staged in the editor) is reviewed and approved by the approver, activated by the operator, stamps
 * the next evaluation, and is rolled back; each role sees only the actions it has, a forged post is refused,
 * and the auditor reads the verified audit trail and the decision in words. One test: the steps depend on
 * each other, as on the trading floor.
 */
@MicronautTest(environments = "dev", transactional = false)
class ConsoleReviewPathBrowserTest extends BrowserTestSupport {
    private static final String V2 = "/console/rulesets/deleveraging/versions/2";
    private static final String V1 = "/console/rulesets/deleveraging/versions/1";

    private static final String BETWEEN_THRESHOLDS = """
            {"asOf": "2025-10-10T21:15:00Z",
             "markets": [{"symbol": "BTCUSDT", "markPrice": "100000",
                          "riskTiers": [{"notionalFloor": "0", "notionalCap": "50000", "maintenanceMarginRate": "0.004",
                                         "maintenanceAmount": "0", "maxLeverage": 125}]}],
             "accounts": [{"id": "acct-7", "walletBalance": "1005", "marginMode": "CROSS",
                           "positions": [{"symbol": "BTCUSDT", "quantity": "0.4", "entryPrice": "102000", "leverage": 50}]}]}
            """;

    @Test
    void authorApproverOperatorAndAuditor() {
        Api api = new Api(http);

        // The author edits v1 (the seed, test-policies/margin, active) in the editor: the margin call threshold
        // of margin.drl line 14 from 0.8 to 0.75, with a typo in the field name first.
        browser.signIn(User.AUTHOR);
        browser.go(V1);
        assertThat(browser.driver.findElements(By.cssSelector("#actions button"))).isEmpty();
        browser.driver.findElement(By.id("edit")).click();
        browser.waitFor(By.cssSelector("#editor[data-ready=true]"));
        assertThat(firstTokenTypes("rule \"Margin call\"\nwhen\nthen\nend\n// a comment"))
                .containsExactly("keyword.drl", "keyword.drl", "keyword.drl", "keyword.drl", "comment.drl");
        edit("marginRatio >= 0.8B", "marginRatoi >= 0.75B");
        browser.driver.findElement(By.id("comment")).sendKeys("warn from 0.75");
        browser.driver.findElement(By.id("validate")).click();
        browser.waitFor(By.cssSelector("#editor-findings .finding"));
        // "    $account : AccountRisk( !bankrupt, " is 39 characters: the typo starts at column 40 of line 14.
        assertThat(browser.texts(By.cssSelector("#editor-findings .finding")))
                .containsExactly("ERROR UNKNOWN_FIELD at margin.drl:14:40: AccountRisk has no field 'marginRatoi' "
                        + "(see docs/reference/facts.md)");
        assertThat(markerLines()).containsExactly(14L);
        browser.screenshot("editor");
        edit("marginRatoi", "marginRatio");
        browser.driver.findElement(By.id("validate")).click();
        browser.waitForText(By.id("editor-outcome"), "Valid: 0 findings");
        assertThat(markerLines()).isEmpty();
        assertThat(api.get("/api/v1/rulesets/deleveraging/versions", User.AUDITOR).json())
                .as("validation stages nothing").hasSize(1);
        browser.driver.findElement(By.id("stage")).click();
        browser.waitForPath(V2);
        assertThat(browser.driver.findElement(By.id("state")).getText()).isEqualTo("VALIDATED");
        assertThat(browser.driver.findElements(By.cssSelector("#actions button"))).isEmpty();
        // Side by side: line 14 of margin.drl, v1's text on the left, v2's on the right.
        assertThat(browser.texts(By.cssSelector(".row-changed td.number"))).containsExactly("14", "14");
        assertThat(browser.texts(By.cssSelector(".row-changed td.old code")))
                .containsExactly("    $account : AccountRisk( !bankrupt, marginRatio >= 0.8B, marginRatio < 1 )");
        assertThat(browser.texts(By.cssSelector(".row-changed td.new code")))
                .containsExactly("    $account : AccountRisk( !bankrupt, marginRatio >= 0.75B, marginRatio < 1 )");
        browser.go("/console/rulesets/deleveraging");
        assertThat(browser.driver.findElement(By.cssSelector("#version-2 .comment")).getText()).isEqualTo("warn from 0.75");
        assertThat(browser.driver.findElement(By.id("active-summary")).getText()).startsWith("Active: v1");
        browser.screenshot("versions");

        // The approver approves after a confirmation that says what will change; a forged post changes nothing.
        browser.signIn(User.APPROVER);
        browser.go(V2);
        Map<String, Object> forged = browser.forgedPost(V2 + "/approve");
        assertThat(forged.get("status")).isEqualTo(403L);
        assertThat(api.get("/api/v1/rulesets/deleveraging/versions/2", User.AUDITOR).json().get("state").asText())
                .isEqualTo("VALIDATED");
        assertThat(browser.driver.findElements(By.id("activate"))).isEmpty();
        // Its two scenarios pass again and fire all three rules (scenarios/margin.yaml: acct-1 and acct-4
        // liquidated, acct-2 called at exactly 0.8).
        browser.driver.findElement(By.id("run-scenarios")).click();
        browser.waitForText(By.id("scenario-outcome"), "2 scenarios run, 0 failed; 3 of 3 rules fired by at least one scenario.");
        assertThat(browser.driver.findElements(By.id("uncovered"))).isEmpty();
        // A dry run on an uploaded snapshot: long 0.4 @ 102000 at mark 100000, wallet 1005: notional 40000 in
        // tier 1 (0.4%), MM 160, equity 1005 - 800 = 205, ratio 160 / 205 = 0.7804878049: v2 (from 0.75) calls
        // the margin, the active v1 (from 0.8) does not.
        browser.driver.findElement(By.id("dry-run-snapshot")).sendKeys(snapshotFile(BETWEEN_THRESHOLDS).toString());
        browser.driver.findElement(By.id("dry-run")).click();
        browser.waitForText(By.id("dry-run-outcome"), "v2 decides differently from the active version v1: 1 actions "
                + "added, 0 removed, 0 changed, for 1 accounts (acct-7).");
        assertThat(browser.texts(By.cssSelector("#dry-run-added .action"))).singleElement().asString()
                .startsWith("MARGIN_CALL account acct-7: margin ratio 0.7804878049 is at or above the 0.8 warning level")
                .contains("Why: rule \"Margin call at 80% of maintenance margin\" in margin.drl");
        browser.screenshotAt("review-dry-run", By.id("dry-run-form"));
        browser.screenshotAt("review-diff", By.id("diff-heading"));
        browser.screenshotAt("review", By.tagName("h1"));
        assertThat(browser.scrollsSideways()).as("side by side at 1280 wide").isFalse();
        browser.driver.findElement(By.id("approve")).click();
        assertThat(confirm()).startsWith("Approve deleveraging v2 (sha256:").contains("staged by author");
        browser.waitForText(By.id("state"), "APPROVED");
        assertThat(browser.driver.findElement(By.id("approver")).getText()).startsWith("approver, ").endsWith(" UTC");

        // The operator activates: the confirmation names both versions.
        browser.signIn(User.OPERATOR);
        browser.go(V2);
        assertThat(browser.driver.findElements(By.id("approve"))).isEmpty();
        browser.driver.findElement(By.id("activate")).click();
        assertThat(confirm()).startsWith("Activate deleveraging v2? Every evaluation will use v2 (sha256:")
                .endsWith("instead of v1; v1 becomes RETIRED.");
        browser.waitForText(By.id("state"), "ACTIVE");

        Reply evaluated = api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED);
        assertThat(evaluated.json().get("version").asInt()).isEqualTo(2);
        String decisionId = evaluated.json().get("decisionId").asText();

        // And rolls back to v1 with a reason.
        browser.go(V1);
        browser.driver.findElement(By.id("rollback-reason")).sendKeys("console drill");
        browser.driver.findElement(By.id("rollback")).click();
        assertThat(confirm()).startsWith("Roll back deleveraging from v2 to v1? Every evaluation will use v1 (sha256:")
                .endsWith("v2 becomes RETIRED.");
        browser.waitForText(By.id("state"), "ACTIVE");
        assertThat(api.post("/api/v1/evaluations", User.TRADER, Snapshots.UNDER_MARGINED).json().get("version").asInt())
                .isEqualTo(1);
        browser.go("/console/rulesets");
        assertThat(browser.driver.findElement(By.cssSelector("#rule-set-deleveraging .active-version")).getText())
                .isEqualTo("v1");
        assertThat(browser.driver.findElement(By.cssSelector("#rule-set-deleveraging")).getText())
                .contains("operator (ROLLBACK)");
        browser.screenshot("rule-sets");
        assertThat(browser.scrollsSideways()).isFalse();

        // The auditor: the chain verifies; the approval is there under the approver's name.
        browser.signIn(User.AUDITOR);
        browser.go("/console/audit");
        assertThat(browser.driver.findElement(By.id("verification")).getText()).startsWith("Chain verified:");
        new Select(browser.driver.findElement(By.id("f-action")))
                .selectByVisibleText("VERSION_APPROVED");
        browser.driver.findElement(By.id("apply-filter")).click();
        browser.waitForText(By.cssSelector("#audit-rows caption"), "1 rows match");
        assertThat(browser.texts(By.cssSelector("#audit-rows tbody .actor"))).containsExactly("approver");
        browser.go("/console/audit");
        browser.screenshot("audit");
        assertThat(browser.scrollsSideways()).isFalse();

        // The decision v2 made, in words: LIQUIDATE acct-1 by the cross-account rule of margin.drl.
        browser.go("/console/decisions?account=acct-1");
        assertThat(browser.driver.findElement(By.cssSelector("#decision-rows caption")).getText())
                .startsWith("2 decisions evaluated from");
        browser.screenshot("decisions");
        browser.go("/console/decisions/" + decisionId);
        assertThat(browser.driver.findElement(By.id("decided-by")).getText()).contains("deleveraging v2");
        String action = browser.driver.findElement(By.cssSelector("#actions-taken .action")).getText();
        assertThat(action).startsWith("LIQUIDATE account acct-1 in BTCUSDT, quantity 0.5 at 103800:")
                .contains("Why: rule \"Liquidate a cross account at 100% of maintenance margin\" in margin.drl");
        browser.driver.findElement(By.id("replay")).click();
        browser.waitForText(By.id("replay-outcome"), "Replayed with deleveraging v2: the same decision, field for field.");
        browser.screenshot("decision");
        assertThat(browser.scrollsSideways()).isFalse();
    }

    /** The type of the first token of each line of {@code drl}, as the editor's DRL grammar colours it. */
    @SuppressWarnings("unchecked")
    private static List<String> firstTokenTypes(String drl) {
        return (List<String>) browser.driver.executeScript(
                "return monaco.editor.tokenize(arguments[0], 'drl').map(line => line[0].type);", drl);
    }

    private static Path snapshotFile(String json) {
        try {
            Path file = Files.createTempFile("dry-run-snapshot", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} by {@code to} in margin.drl through Monaco's own model API, as typing would. */
    private static void edit(String from, String to) {
        browser.driver.executeScript("""
                const model = monaco.editor.getModels().find(m => m.uri.path === '/margin.drl');
                model.setValue(model.getValue().replace(arguments[0], arguments[1]));""", from, to);
    }

    /** The lines of margin.drl that carry a validation marker in the editor. */
    @SuppressWarnings("unchecked")
    private static List<Long> markerLines() {
        return (List<Long>) browser.driver.executeScript("""
                const model = monaco.editor.getModels().find(m => m.uri.path === '/margin.drl');
                return monaco.editor.getModelMarkers({resource: model.uri}).map(m => m.startLineNumber);""");
    }

    /** Accepts the confirmation htmx asked for (hx-confirm) and returns what it said. */
    private static String confirm() {
        Alert alert = new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.alertIsPresent());
        String text = alert.getText();
        alert.accept();
        return text;
    }
}
