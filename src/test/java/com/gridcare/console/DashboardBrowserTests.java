package com.gridcare.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.gridcare.dashboard.DashboardFixture;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The operations dashboard in a real (headless) Chromium: an administrator signs in, every chart draws data with no
 * error in the console, a filter redraws the charts with the narrower data; a supervisor's page has no district
 * choice. The administrator's page is saved as target/dashboard.png.
 */
@QuarkusTest
class DashboardBrowserTests {

    private static final List<String> CHARTS = List.of("consumption", "tiers", "collection", "arrears",
            "payment-channels", "outages", "escalations");

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DashboardFixture fixture;

    @BeforeAll
    static void chromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldDrawEveryChartAndRedrawOnAFilter() throws Exception {
        fixture.prepare();
        List<String> errors = new ArrayList<>();
        try (var context = chromium.newContext(); Page page = context.newPage()) {
            page.setViewportSize(1280, 1600);
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type())) {
                    errors.add(message.text());
                }
            });
            page.onPageError(errors::add);
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    errors.add(response.status() + " " + response.url());
                }
            });
            Chromium.signIn(page, url("console/dashboard"), fixture.admin().staffNo());
            page.click("nav a[href='/console/dashboard']");
            assertThat(page.locator("h1")).hasText("运营看板");
            for (String chart : CHARTS) {
                assertThat(page.locator("[data-chart='" + chart + "']")).hasAttribute("data-draws", "1");
                Assertions.assertThat(seriesPoints(page, chart)).as(chart).isGreaterThan(0);
            }
            Assertions.assertThat(Integer.parseInt(page.getAttribute("[data-chart='collection']", "data-rows")))
                    .isGreaterThan(3);
            assertThat(page.locator("#dashboard-status")).containsText("数据截至");
            Files.createDirectories(Path.of("target"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/dashboard.png")).setFullPage(true));

            // each filled month is a change: the charts are drawn again for the last one
            page.fill("#filter-from", "2026-09");
            page.fill("#filter-to", "2026-10");
            assertThat(page.locator("[data-chart='collection']")).hasAttribute("data-rows", "2");
            assertThat(page.locator("[data-chart='consumption']")).hasAttribute("data-rows", "2");
            for (String chart : CHARTS) {
                assertThat(page.locator("[data-chart='" + chart + "']")).not().hasAttribute("data-draws", "1");
            }
            Assertions.assertThat(page.evaluate("echarts.getInstanceByDom(document.querySelector("
                    + "\"[data-chart='collection']\")).getOption().xAxis[0].data")).isEqualTo(List.of("2026-09", "2026-10"));
        }
        Assertions.assertThat(errors).as("console errors").isEmpty();
    }

    @Test
    void shouldGiveASupervisorTheirDistrictWithoutAChoice() throws SQLException {
        fixture.prepare();
        try (var context = chromium.newContext(); Page page = context.newPage()) {
            Chromium.signIn(page, url("console/dashboard"), fixture.supervisor().staffNo());
            page.navigate(url("console/dashboard"));
            assertThat(page.locator("#filter-district")).hasCount(0);
            assertThat(page.locator("[data-chart='outages']")).hasAttribute("data-draws", "1");
            Assertions.assertThat(seriesPoints(page, "outages")).isGreaterThan(0);
        }
    }

    /** The data points of the chart's first series, as ECharts holds them (not what the API said). */
    private static int seriesPoints(Page page, String chart) {
        Object points = page.evaluate("name => echarts.getInstanceByDom(document.querySelector("
                + "'[data-chart=\"' + name + '\"]')).getOption().series[0].data.length", chart);
        return ((Number) points).intValue();
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
