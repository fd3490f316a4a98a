package dev.recon.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.app.demo.DemoDataGenerator;
import dev.recon.app.pipeline.PipelineContext;
import dev.recon.app.pipeline.ReconcileRequest;
import dev.recon.app.pipeline.ReconcileResult;
import dev.recon.app.pipeline.ReconcileRun;
import dev.recon.app.pipeline.TopicAdmin;
import dev.recon.app.pipeline.TopicReader;
import dev.recon.app.platform.DatabaseEndpoints;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ingestion.store.IngestionDatabase;
import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.ledger.db.LedgerPartitions;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.reporting.access.AccessDatabase;
import dev.recon.reporting.access.DemoCredential;
import dev.recon.reporting.access.Role;
import dev.recon.reporting.access.Totp;
import dev.recon.reporting.access.TotpSecret;
import dev.recon.reporting.casework.CaseworkDatabase;
import dev.recon.reporting.casework.audit.AuditEvent;
import dev.recon.reporting.casework.audit.AuditTrail;
import dev.recon.reporting.casework.audit.ChainVerification;
import dev.recon.schemas.DecisionAction;
import dev.recon.schemas.DecisionKind;
import dev.recon.schemas.ManualDecision;
import dev.recon.schemas.kafka.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's done-when through the real app: the embedded platform, acme's generated demo cycle
 * reconciled by the real jobs, the UI as {@code recon demo} serves it, and headless Chromium — an
 * analyst goes from the dashboard to a break, sees its source line, proposes a write-off; a second
 * user approves it; the ledger, the audit trail and {@code recon.decisions} show both steps.
 */
class DemoUiIT {
  private static final String TENANT = "acme";
  private static final int MAX_MESSAGE_BYTES = 1 << 20;

  /** Restart strategy none: a failing job fails the test at once. */
  private static final PlatformConfig EMBEDDED =
      PlatformConfig.embedded().withFlink(2, Duration.ofSeconds(1), 0);

  @TempDir Path dir;

  /** As {@code recon demo} prepares the database (PlatformLauncher is the CLI's own). */
  private static void prepareDatabase(DatabaseEndpoints db) {
    LedgerDatabase.migrate(db.ownerDataSource());
    IngestionDatabase.migrate(db.ownerDataSource());
    CaseworkDatabase.migrate(db.ownerDataSource());
    AccessDatabase.migrate(db.ownerDataSource());
    LedgerPartitions.ensureAhead(
        db.ownerDataSource(), YearMonth.now(ZoneOffset.UTC), LedgerPartitions.DEFAULT_MONTHS_AHEAD);
    if (db.appPassword() != null) {
      LedgerDatabase.provisionAppLogin(
          db.ownerDataSource(), db.appUser(), db.appPassword().toCharArray());
    }
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void analystProposesAWriteOffOnARealBreakAndASecondUserApprovesIt() throws Exception {
    PlatformConfig config = EMBEDDED.withDataDir(dir.resolve("recon-data"));
    try (Platform p = Platform.start(config, DemoUiIT::prepareDatabase);
        TopicAdmin admin = new TopicAdmin(p.kafka())) {
      DatabaseEndpoints db = p.database();
      // acme's cycle exactly as the demo generates and reconciles it
      DemoDataGenerator.Scenario scenario =
          new DemoDataGenerator.Scenario(
              TENANT,
              "AcmeShopEU",
              20261125L,
              LocalDate.now(ZoneOffset.UTC).minusDays(5),
              12,
              false);
      DemoDataGenerator.TenantFiles files =
          DemoDataGenerator.write(scenario, dir.resolve("input").resolve(TENANT));
      ReconcileRequest request =
          new ReconcileRequest(
              TENANT,
              List.of(files.expected()),
              List.of(files.psp()),
              List.of(files.bank()),
              Map.of(),
              dir.resolve("out").resolve(TENANT),
              Instant.now(),
              ToleranceRuleSet.defaults());
      PipelineContext context =
          new PipelineContext(
              p.kafka(),
              config.topicPartitions(),
              (short) 1,
              new PipelineContext.AppDatabase(
                  db.appDataSource(), db.appUrl(), db.appUser(), db.appPassword()),
              p.flink()::create);
      StringWriter runErrors = new StringWriter();
      ReconcileResult result =
          new ReconcileRun(context, admin, new PrintWriter(runErrors, true), Clock.systemUTC())
              .run(request);
      assertThat(result.couldRun()).as(result.problems() + " " + runErrors).isTrue();

      try (UserInterface ui = UserInterface.start(p, 0, Clock.systemUTC())) {
        Map<Role, DemoCredential> users = new EnumMap<>(Role.class);
        ui.demoUsers(TENANT).forEach(c -> users.put(c.role(), c));
        assertThat(users).containsOnlyKeys(Role.values());
        users.values().forEach(c -> assertThat(c.describe()).contains(c.username()));
        String base = "http://127.0.0.1:" + ui.port();
        DemoCredential analyst = users.get(Role.ANALYST);
        DemoCredential approver = users.get(Role.APPROVER);
        assertThat(analyst.username()).isNotEqualTo(approver.username());

        String exceptionId;
        String proposalUrl;
        try (Chromium browser = Chromium.start(dir.resolve("chromium-analyst"))) {
          try {
            signIn(browser, base, analyst);
            // dashboard -> queue -> a capture nobody expected (on the PSP receivable: an
            // expectation is never on the ledger, so its write-off would book nothing) -> its
            // source line in the PSP's settlement report
            browser.follow(browser.link("Exceptions"));
            browser.type(browser.css("#queue-filters input[name=reason]"), "MISSING_EXPECTED");
            browser.follow(browser.css("#queue-filters button[type=submit]"));
            browser.follow(browser.css("a.break-link"));
            assertThat(browser.text(browser.css("#reason"))).isEqualTo("MISSING_EXPECTED");
            String fileName = browser.text(browser.css("#source-file"));
            int lineNumber = Integer.parseInt(browser.text(browser.css("#source-line-number")));
            Path input =
                List.of(files.expected(), files.psp(), files.bank()).stream()
                    .filter(f -> f.getFileName().toString().equals(fileName))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("not an input file: " + fileName));
            assertThat(input).isEqualTo(files.psp());
            List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
            assertThat(lineNumber).isBetween(2, lines.size());
            assertThat(browser.text(browser.css("#source-line")))
                .isEqualTo(lines.get(lineNumber - 1));

            exceptionId = browser.property(browser.css("#write-off-form input[name=id]"), "value");
            browser.type(browser.css("#write-off-comment"), "customer short-paid, agreed");
            browser.follow(browser.css("#propose-write-off"));
            assertThat(browser.text(browser.css("#proposal-state"))).isEqualTo("PROPOSED");
            assertThat(browser.all("#ledger-effect tbody tr")).isNotEmpty();
            assertThat(browser.text(browser.css("#ledger-effect"))).contains("write_offs");
            // four eyes: the proposer is offered no approval
            assertThat(browser.all("#approve")).isEmpty();
            assertThat(browser.text(browser.css("p.notice"))).contains("second person");
            proposalUrl = browser.url();
          } catch (AssertionError | RuntimeException e) {
            throw diagnosed(browser, e);
          }
        }

        try (Chromium browser = Chromium.start(dir.resolve("chromium-approver"))) {
          try {
            signIn(browser, base, approver);
            browser.follow(browser.link("Proposals"));
            browser.follow(browser.css("a.proposal-link"));
            assertThat(browser.url()).isEqualTo(proposalUrl);
            assertThat(browser.text(browser.css("#ledger-effect"))).contains("write_offs");
            browser.follow(browser.css("#approve"));
            assertThat(browser.text(browser.css("#proposal-state"))).isEqualTo("APPROVED");
            assertThat(browser.text(browser.css("#decided-by"))).contains(approver.username());
            browser.follow(browser.css("#break-link"));
            assertThat(browser.text(browser.css("#state"))).contains("RESOLVED");
            List<String> actors =
                browser.all("#audit td.audit-actor").stream().map(browser::text).toList();
            assertThat(actors).contains(analyst.username(), approver.username());
          } catch (AssertionError | RuntimeException e) {
            throw diagnosed(browser, e);
          }
        }

        // outside the browser: the audit trail names both steps and is intact
        AuditTrail trail = new AuditTrail(db.appDataSource(), Clock.systemUTC());
        List<AuditEvent> events = trail.eventsAbout(TENANT, "exception:" + exceptionId);
        AuditEvent proposed = only(events, "PROPOSAL_CREATED");
        AuditEvent approved = only(events, "PROPOSAL_APPROVED");
        assertThat(proposed.actor()).as(events.toString()).contains(analyst.username());
        assertThat(approved.actor()).as(events.toString()).contains(approver.username());
        assertThat(trail.latest(TENANT, AuditTrail.MAX_LISTED)).contains(proposed, approved);
        ChainVerification chain = trail.verify(TENANT);
        assertThat(chain.intact()).as(chain.describe()).isTrue();

        // the ledger holds the balanced write-off the approval booked
        String writeOffSource =
            new ObjectMapper().readTree(approved.detail()).path("decision_match_id").asText();
        assertThat(writeOffSource).as(approved.detail()).isNotEmpty();
        LedgerQueries ledger = new LedgerQueries(db.appDataSource());
        List<JournalLine> lines = ledger.journalLines(TENANT, List.of(writeOffSource));
        assertThat(lines).isNotEmpty().allMatch(l -> l.sourceKind().equals("WRITE_OFF"));
        assertThat(lines).extracting(JournalLine::account).contains("write_offs");
        Map<String, Long> balance = new HashMap<>();
        lines.forEach(
            l ->
                balance.merge(
                    l.entryId() + "/" + l.currency(), l.debitMinor() - l.creditMinor(), Long::sum));
        assertThat(balance.values()).allMatch(v -> v == 0L);
        assertThat(ledger.unbalancedEntries(TENANT)).isEmpty();

        // both steps went to the matching job's decision topic
        List<ManualDecision> decisions =
            new TopicReader(p.kafka(), MAX_MESSAGE_BYTES)
                .readAll(Topics.DECISIONS, ManualDecision.class).stream()
                    .filter(d -> d.getTenantId().equals(TENANT))
                    .toList();
        ManualDecision propose =
            decisions.stream()
                .filter(d -> d.getAction() == DecisionAction.PROPOSE)
                .filter(d -> exceptionId.equals(d.getExceptionId()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PROPOSE step in " + decisions));
        assertThat(propose.getKind()).isEqualTo(DecisionKind.WRITE_OFF);
        assertThat(propose.getRecords()).singleElement().asString().startsWith("PSP_TXN:");
        assertThat(propose.getUserId()).contains(analyst.username());
        assertThat(decisions)
            .as(decisions.toString())
            .anyMatch(
                d ->
                    d.getAction() == DecisionAction.APPROVE
                        && d.getDecisionId().equals(propose.getDecisionId())
                        && d.getUserId().contains(approver.username()));
      }
    }
  }

  private static void signIn(Chromium browser, String base, DemoCredential user) {
    browser.open(base + "/login");
    browser.type(browser.css("#username"), user.username());
    browser.type(browser.css("#password"), user.password());
    browser.follow(browser.css("#login"));
    assertThat(browser.url()).endsWith("/login/totp");
    String code = Totp.code(new TotpSecret(user.totpSecret()).bytes(), Totp.step(Instant.now()));
    browser.type(browser.css("#code"), code);
    browser.follow(browser.css("#verify"));
    // one tenant: straight to its dashboard
    assertThat(browser.url()).endsWith("/t/" + TENANT);
    assertThat(browser.text(browser.css("h1"))).isEqualTo("Dashboard");
  }

  private static AuditEvent only(List<AuditEvent> events, String action) {
    List<AuditEvent> found = events.stream().filter(e -> e.action().equals(action)).toList();
    assertThat(found).as(action + " in " + events).hasSize(1);
    return found.get(0);
  }

  private static AssertionError diagnosed(Chromium browser, Throwable e) {
    String where;
    try {
      where = browser.url() + "; screenshot " + browser.screenshot() + "\n" + browser.source();
    } catch (RuntimeException unavailable) {
      where = "(page unavailable: " + unavailable + ")";
    }
    return new AssertionError(e.getMessage() + "\nat " + where, e);
  }
}
