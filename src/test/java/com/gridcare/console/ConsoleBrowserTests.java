package com.gridcare.console;

import static com.gridcare.escalation.EscalationFixture.escalate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.gridcare.auth.SignedInResident;
import com.gridcare.escalation.EscalationFixture;
import com.gridcare.staff.SignedInStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The escalation round trip as people do it: a resident asks for a person, the grid service staff member signs in to
 * the console in a real (headless) Chromium, claims, replies and resolves, and the reply is in the resident's inbox.
 * Uses the system's /usr/bin/chromium (Debian package) and skips where there is none.
 */
@QuarkusTest
class ConsoleBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static Playwright playwright;
    private static Browser browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    EscalationFixture fixture;

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": apt-get install chromium");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void shouldCarryAResidentsQuestionToStaffAndTheAnswerBack() throws SQLException {
        EscalationFixture.Cast cast = fixture.cast();
        SignedInResident resident = SignedInResident.signIn().bind(cast.account());
        String question = "<b>转人工</b> 我家电表是不是坏了？";
        long id = escalate(resident, cast.account().accountNo(), question).statusCode(201)
                .extract().jsonPath().getLong("id");
        fixture.staff(cast.owner());

        try (var context = browser.newContext(); Page page = context.newPage()) {
            page.navigate(url("console/queue"));
            assertThat(page.locator("h1")).hasText("员工登录");
            page.fill("#staffNo", cast.owner());
            page.fill("#password", SignedInStaff.PASSWORD);
            page.click("#sign-in");
            assertThat(page.locator("h1")).hasText("待办队列");
            assertThat(page.locator("tr[data-escalation='" + id + "'] .question")).hasText(question);

            page.click("tr[data-escalation='" + id + "'] a");
            assertThat(page.locator("#question")).hasText(question);
            assertThat(page.locator("#status")).hasText("NEW");
            page.click("#claim");
            assertThat(page.locator("#status")).hasText("CLAIMED");
            assertThat(page.locator("#mobile")).hasText(resident.mobile());

            page.fill("#reply-text", "您好，我们已安排网格经理明天上午上门检查电表。");
            page.click("#reply");
            assertThat(page.locator("#status")).hasText("REPLIED");
            assertThat(page.locator("#replies")).containsText("明天上午上门检查电表");

            page.click("#resolve");
            assertThat(page.locator("#status")).hasText("RESOLVED");
        }

        resident.given().get("/api/v1/me/inbox").then().statusCode(200)
                .body("items[0].topic", equalTo("ESCALATION_REPLY"))
                .body("items[0].text", equalTo("客服回复：您好，我们已安排网格经理明天上午上门检查电表。"));
        resident.given().get("/api/v1/me/escalations").then().statusCode(200)
                .body("items[0].id", equalTo((int) id)).body("items[0].status", equalTo("RESOLVED"));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + "/" + path;
    }
}
