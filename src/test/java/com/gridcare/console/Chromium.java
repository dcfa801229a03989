package com.gridcare.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.gridcare.staff.SignedInStaff;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * A real, headless Chromium for tests that drive the console as staff do: the system's /usr/bin/chromium (Debian
 * package); a test class that launches it is skipped where there is none.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), "no " + EXECUTABLE + ": apt-get install chromium");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(List.of("--no-sandbox", "--headless",
                        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync"))));
    }

    /** A fresh browser profile: no cookies, so no one signed in. */
    public BrowserContext newContext() {
        return browser.newContext();
    }

    /**
     * Opens a console page at {@code url}, is sent to the sign-in form, signs in as {@code staffNo} with the test
     * password (set by {@link SignedInStaff}) and lands on the queue.
     */
    public static void signIn(Page page, String url, String staffNo) {
        page.navigate(url);
        assertThat(page.locator("h1")).hasText("员工登录");
        page.fill("#staffNo", staffNo);
        page.fill("#password", SignedInStaff.PASSWORD);
        page.click("#sign-in");
        assertThat(page.locator("h1")).hasText("待办队列");
    }

    @Override
    public void close() {
        playwright.close();
    }
}
