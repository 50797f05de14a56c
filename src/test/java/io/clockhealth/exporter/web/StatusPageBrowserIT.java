package io.clockhealth.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clockhealth.exporter.testing.Browser;
import io.clockhealth.exporter.testing.Chronyd;
import io.clockhealth.exporter.testing.ExporterProcess;
import io.clockhealth.exporter.testing.LoopbackRanges;
import io.clockhealth.exporter.testing.TestDaemons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The status page in a real browser (Debian's chromium, headless, through Selenium): an exporter
 * whose clock runs 73 s ahead (libfaketime) serves a chrony client of a {@code local stratum 10}
 * server that also has a source that never answers. The page must say the browser and the host are
 * 73 s apart, show the findings and the sources, raise no console error (a Content-Security- Policy
 * violation is one), fit a phone's width, and show the findings without script too.
 *
 * <p>Loopback addresses and ports: {@link LoopbackRanges#STATUS_PAGE_BROWSER_IT}; the server on
 * address/port 0, the silent source on 1.
 */
class StatusPageBrowserIT {

  private static final LoopbackRanges RANGE = LoopbackRanges.STATUS_PAGE_BROWSER_IT;

  private static Chronyd server;
  private static Chronyd client;
  private static ExporterProcess exporter;
  private ChromeDriver browser;

  @BeforeAll
  static void start() {
    server =
        Chronyd.builder(StatusPageBrowserIT.class, "server")
            .localServer(RANGE.address(0), RANGE.port(0))
            .start();
    client =
        Chronyd.builder(StatusPageBrowserIT.class, "client")
            .config(
                Chronyd.fastServer(RANGE, 0),
                "server " + RANGE.address(1) + " port " + RANGE.port(1) + " iburst minpoll -2",
                "port 0")
            .start();
    await("the client follows the server")
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> client.source(RANGE.address(0)).orElseThrow().state() == '*');
    exporter =
        ExporterProcess.forChronyd(StatusPageBrowserIT.class, client)
            .env("LD_PRELOAD", TestDaemons.get().libfaketime().toString())
            .env("FAKETIME", "+73s")
            .start();
  }

  @AfterAll
  static void stop() {
    if (exporter != null) {
      exporter.close();
    }
    for (Chronyd d : new Chronyd[] {client, server}) {
      if (d != null) {
        d.stop();
      }
    }
  }

  @AfterEach
  void quit() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theBrowserSeesTheHost73SecondsAheadTheFindingsAndTheSources() throws Exception {
    browser = Browser.start("status-page", true);
    browser.get(exporter.baseUri().toString());

    WebElement difference = browser.findElement(By.id("browser-clock"));
    assertThat(difference.isDisplayed()).as("the browser-clock warning is shown").isTrue();
    assertThat(difference.getText())
        .matches(
            "Detected 7[234] seconds time difference between your browser and this host: the"
                + " host\u2019s clock is 7[234] s ahead of your browser\u2019s\\.");
    double seconds = Double.parseDouble(difference.getAttribute("data-difference-seconds"));
    assertThat(seconds).as("host minus browser, seconds").isBetween(71.0, 75.0);

    // The findings the doctor's engine gives for this host, worst first.
    List<WebElement> findings = browser.findElements(By.cssSelector("ul.findings > li"));
    assertThat(findings).isNotEmpty();
    Set<String> ids =
        findings.stream().map(f -> f.getAttribute("data-finding")).collect(Collectors.toSet());
    assertThat(ids).as("the silent source, with chrony's reason").contains("source-not-used");
    assertThat(findings.get(0).getAttribute("class")).isIn("critical", "warning", "info", "ok");

    // The sources, each with its state and chrony's reason.
    String sources = browser.findElement(By.tagName("body")).getText();
    assertThat(sources)
        .contains(RANGE.address(0) + " selected selected")
        .contains(RANGE.address(1) + " unusable unsynchronised");

    assertThat(Browser.consoleErrors(browser)).as("console errors").isEmpty();
    keepScreenshot("status-page-73s-ahead.png");

    // Readable on a phone: nothing wider than the screen but the tables' own scroll boxes.
    browser.manage().window().setSize(new Dimension(412, 915));
    browser.navigate().refresh();
    Object overflow =
        browser.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(((Number) overflow).intValue())
        .as("horizontal overflow on a phone")
        .isLessThanOrEqualTo(0);
    keepScreenshot("status-page-73s-ahead-phone.png");
  }

  @Test
  void withoutScriptTheFindingsAndSourcesAreStillThere() {
    browser = Browser.start("status-page-no-script", false);
    browser.get(exporter.baseUri().toString());
    assertThat(browser.findElements(By.cssSelector("ul.findings > li"))).isNotEmpty();
    assertThat(browser.findElement(By.tagName("body")).getText()).contains(RANGE.address(1));
    // Only the browser-clock check needs script: without it, it stays hidden.
    assertThat(browser.findElement(By.id("browser-clock")).isDisplayed()).isFalse();
  }

  private void keepScreenshot(String name) throws Exception {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, TestDaemons.targetDir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
