package dev.recon.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.reporting.access.DemoCredential;
import dev.recon.reporting.access.DemoUsers;
import dev.recon.reporting.access.PasswordPolicy;
import dev.recon.reporting.access.Role;
import dev.recon.reporting.access.Totp;
import dev.recon.reporting.access.TotpSecret;
import dev.recon.reporting.access.Users;
import dev.recon.reporting.casework.CaseStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) against the server on 127.0.0.1: login
 * with password and TOTP, a break worked through four-eyes approval, a report download.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class BrowserIT {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  @TempDir static Path dir;
  static EmbeddedLedger pg;
  static WebServer web;
  static WebDriver browser;
  static Path downloads;
  static final Map<Role, DemoCredential> users = new EnumMap<>(Role.class);
  static String base;
  static final Duration NAVIGATION = Duration.ofSeconds(60);

  @BeforeAll
  static void start() throws Exception {
    pg = WebDatabase.start(dir.resolve("pg"));
    for (DemoCredential c :
        new DemoUsers(
                new Users(
                    pg.app(), Clock.systemUTC(), PasswordPolicy.standard(), WebDatabase.TOTP_KEYS))
            .create("acme")) {
      users.put(c.role(), c);
    }
    new CaseStore(pg.app(), Clock.systemUTC()).recordRun(CaseFixtures.run("acme"));
    web = new WebServer("127.0.0.1", 0, pg.app(), Clock.systemUTC(), WebDatabase.TOTP_KEYS).start();
    base = "http://127.0.0.1:" + web.port();

    downloads = Files.createDirectories(dir.resolve("downloads"));
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (web != null) {
      web.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  /**
   * Clicks a link or submit button and returns once the page it leads to has replaced this one:
   * chromedriver may answer a click before the navigation has (seen in CI under load).
   */
  private static void follow(By target) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(target).click();
    new WebDriverWait(browser, NAVIGATION).until(ExpectedConditions.stalenessOf(page));
  }

  private static void password(DemoCredential c) {
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys(c.username());
    browser.findElement(By.id("password")).sendKeys(c.password());
    follow(By.id("login"));
  }

  private static void code(String code) {
    browser.findElement(By.id("code")).clear();
    browser.findElement(By.id("code")).sendKeys(code);
    follow(By.id("verify"));
  }

  private static String currentCode(DemoCredential c) {
    return Totp.code(new TotpSecret(c.totpSecret()).bytes(), Totp.step(Instant.now()));
  }

  private static void logout() {
    follow(By.id("logout"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
  }

  @Test
  @Order(1)
  void loginNeedsTheRightTotpCode() {
    DemoCredential analyst = users.get(Role.ANALYST);
    password(analyst);
    assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
    String right = currentCode(analyst);
    code(right.equals("000000") ? "111111" : "000000");
    assertThat(browser.findElement(By.id("error")).getText()).contains("Wrong code");
    assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
    code(currentCode(analyst));
    // one tenant: straight to its dashboard
    assertThat(browser.getCurrentUrl()).endsWith("/t/acme");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
    assertThat(browser.findElement(By.id("open-count")).getText()).isEqualTo("2");
  }

  @Test
  @Order(2)
  void analystProposesAWriteOffAndAnApproverApprovesIt() {
    // dashboard -> queue -> the break -> its source line
    follow(By.linkText("Exceptions"));
    follow(By.linkText("x-psp2"));
    assertThat(browser.findElement(By.id("source-file")).getText())
        .isEqualTo("adyen_settlement.csv");
    assertThat(browser.findElement(By.id("source-line-number")).getText()).isEqualTo("3");
    assertThat(browser.findElement(By.id("source-line")).getText())
        .isEqualTo("PSP-2,ORDER-2,Settled,25.00,0.40,EUR");

    browser
        .findElement(By.id("write-off-comment"))
        .sendKeys("customer paid twice, refunded off-system");
    follow(By.id("propose-write-off"));
    assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualTo("PROPOSED");
    assertThat(browser.findElements(By.cssSelector("#ledger-effect tbody tr"))).isNotEmpty();
    assertThat(browser.findElement(By.id("ledger-effect")).getText()).contains("write_offs");
    // the proposer cannot approve their own proposal
    assertThat(browser.findElements(By.id("approve"))).isEmpty();
    String proposalUrl = browser.getCurrentUrl();
    logout();

    DemoCredential approver = users.get(Role.APPROVER);
    password(approver);
    code(currentCode(approver));
    follow(By.linkText("Proposals"));
    follow(By.cssSelector("a.proposal-link"));
    assertThat(browser.getCurrentUrl()).isEqualTo(proposalUrl);
    // the approver sees the ledger effect before approving
    assertThat(browser.findElement(By.id("ledger-effect")).getText()).contains("write_offs");
    follow(By.id("approve"));
    assertThat(browser.findElement(By.id("proposal-state")).getText()).isEqualTo("APPROVED");
    assertThat(browser.findElement(By.id("decided-by")).getText()).contains(approver.username());

    follow(By.id("break-link"));
    assertThat(browser.findElement(By.id("state")).getText()).contains("RESOLVED");
    List<String> actors =
        browser.findElements(By.cssSelector("#audit td.audit-actor")).stream()
            .map(e -> e.getText())
            .toList();
    assertThat(actors).contains(users.get(Role.ANALYST).username(), approver.username());
  }

  @Test
  @Order(3)
  void trialBalanceDownloads() throws Exception {
    follow(By.linkText("Trial balance"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trial balance");
    assertThat(browser.findElement(By.tagName("table")).getText()).contains("write_offs");
    browser.findElement(By.id("download-trial-balance")).click();
    Path file = downloads.resolve("trial-balance-acme.csv");
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> Files.exists(file) && !hasPartialDownloads());
    assertThat(Files.readString(file))
        .startsWith("account,account_type,currency,debit_minor,credit_minor,balance_minor")
        .contains("write_offs");
  }

  private static boolean hasPartialDownloads() {
    try (Stream<Path> files = Files.list(downloads)) {
      return files.anyMatch(p -> p.toString().endsWith(".crdownload"));
    } catch (java.io.IOException e) {
      return true;
    }
  }
}
