package dev.recon.app.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.recon.app.platform.EmbeddedPostgresServer;
import dev.recon.ingestion.schedule.TaskLeases;
import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.IngestionDatabase;
import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.ledger.db.JournalLine;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.reporting.ReconciliationRun;
import dev.recon.reporting.casework.CaseStore;
import dev.recon.reporting.casework.CaseworkDatabase;
import dev.recon.reporting.casework.RunOutputs;
import dev.recon.reporting.casework.SourceDocument;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.Posting;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import dev.recon.schemas.ResolutionKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daily schedule of the config file as {@code recon run} starts it, against the embedded
 * PostgreSQL: two days of a tenant's casework and ledger (and another tenant's, with the same
 * timestamps) are stored; each day's report holds exactly that day's matches, journal lines and
 * dead letters and the breaks open at its end, nothing of the other day or tenant; a restart after
 * a missed day makes it up once, and a further pass sends nothing twice.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ScheduledDailyReportIT {

  private static final String APP_USER = "daily_app_login";
  private static final String APP_PASSWORD = "daily-app-password-1";
  private static final String ACME = "acme";
  private static final String GLOBEX = "globex";

  /** 10 and 11 March 2026 in Amsterdam (UTC+1): midnight is 23:00Z the day before. */
  private static final String DAY_1 = "2026-03-10";

  private static final String DAY_2 = "2026-03-11";

  private static EmbeddedPostgresServer server;
  private static DataSource app;

  @TempDir Path tmp;

  @BeforeAll
  static void database() throws Exception {
    server = EmbeddedPostgresServer.startTemporary();
    DataSource owner = server.reconDataSource();
    LedgerDatabase.migrate(owner);
    IngestionDatabase.migrate(owner);
    CaseworkDatabase.migrate(owner);
    LedgerDatabase.provisionAppLogin(owner, APP_USER, APP_PASSWORD.toCharArray());
    app = server.dataSource(EmbeddedPostgresServer.DATABASE, APP_USER, APP_PASSWORD);
    storeTwoDays(ACME, "a", 1);
    storeTwoDays(GLOBEX, "g", 1_000);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void eachDaysReportHoldsThatDayOnlyAndAMissedDayIsMadeUpOnce() throws Exception {
    String yaml =
        """
        reports:
          destination: "%s"
          schedules:
            - {tenant: acme, kind: daily, schedule: "0 7 * * *", zone: Europe/Amsterdam,
               formats: [csv]}
        """
            .formatted(tmp.resolve("reports"));
    SecretResolver secrets =
        new SecretResolver(
            List.of(new EnvironmentSecrets(Map.of())),
            SecretResolver.DEFAULT_TTL,
            Clock.systemUTC());
    ReportsConfigFile.Contents contents = ReportsConfigFile.parse(yaml, "recon.yaml", secrets);
    assertThat(contents.errors()).isEmpty();
    ReportSchedulerTest.MovingClock clock =
        new ReportSchedulerTest.MovingClock("2026-03-10T06:30:00Z");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    ReportScheduler first =
        ReportScheduling.create(
            contents.plan(), app, secrets, meters, clock, Optional.of(new TaskLeases(app)));
    first.wakeUp(); // the schedule starts now
    clock.set("2026-03-11T06:30:00Z"); // 07:30 in Amsterdam: the report of 10 March
    first.leasedWakeUp();

    Path daily = tmp.resolve("reports/acme/daily");
    Path day1 = daily.resolve(DAY_1);
    assertThat(column(day1, "matches", "match_id")).containsOnly("a-m1").hasSize(2);
    assertThat(column(day1, "exceptions", "exception_id"))
        .containsExactlyInAnyOrder("a-x-open", "a-x-resolved-next-day");
    assertThat(column(day1, "journal", "entry_id")).containsOnly("a-e1").hasSize(2);
    assertThat(column(day1, "dead_letters", "dead_letter_id")).containsExactly("a-dl1");
    assertThat(Files.readString(day1.resolve("report-summary.csv")))
        .contains("2026-03-10T23:00:00Z") // as of the end of the day in Amsterdam
        .contains("a-orders-" + DAY_1 + ".csv")
        .contains("a-psp-" + DAY_1 + ".csv")
        .doesNotContain("a-psp-" + DAY_2)
        .doesNotContain("g-orders")
        .doesNotContain("g-psp");
    assertThat(count(meters, "delivered")).isEqualTo(1);

    // down over the cron times of 12 and 13 March: a restarted scheduler makes both days up
    clock.set("2026-03-13T09:00:00Z");
    ReportScheduling.create(
            contents.plan(), app, secrets, meters, clock, Optional.of(new TaskLeases(app)))
        .leasedWakeUp();
    assertThat(count(meters, "delivered")).isEqualTo(3);
    try (var days = Files.list(daily)) {
      assertThat(days.map(d -> d.getFileName().toString()))
          .containsExactlyInAnyOrder(DAY_1, DAY_2, "2026-03-12");
    }
    Path day2 = daily.resolve(DAY_2);
    // a-m0 was made at 23:30Z on 10 March: 00:30 on 11 March in Amsterdam
    assertThat(column(day2, "matches", "match_id")).containsOnly("a-m0", "a-m2").hasSize(4);
    assertThat(column(day2, "exceptions", "exception_id"))
        .containsExactlyInAnyOrder("a-x-open", "a-x-day2");
    assertThat(column(day2, "journal", "entry_id")).containsOnly("a-e0", "a-e2").hasSize(4);
    assertThat(column(day2, "dead_letters", "dead_letter_id")).containsExactly("a-dl2");
    assertThat(Files.readString(day2.resolve("report-summary.csv")))
        .contains("a-psp-" + DAY_2 + ".csv")
        .doesNotContain("g-psp");
    Path day3 = daily.resolve("2026-03-12");
    assertThat(column(day3, "matches", "match_id")).isEmpty();
    assertThat(column(day3, "exceptions", "exception_id"))
        .containsExactlyInAnyOrder("a-x-open", "a-x-day2");

    // another restart the same morning: nothing goes out twice
    ReportScheduling.create(
            contents.plan(), app, secrets, meters, clock, Optional.of(new TaskLeases(app)))
        .leasedWakeUp();
    assertThat(count(meters, "delivered")).isEqualTo(3);
    assertThat(count(meters, "failed")).isZero();
  }

  @Test
  void theRebuiltRunOfADayIsThatTenantsAndThatDaysOnly() {
    CaseworkDailyRuns runs = new CaseworkDailyRuns(app);
    Instant start = Instant.parse("2026-03-09T23:00:00Z");
    Instant end = Instant.parse("2026-03-10T23:00:00Z");

    ReconciliationRun acme = runs.of(ACME, DAY_1, start, end);
    assertThat(acme.tenant()).isEqualTo(ACME);
    assertThat(acme.asOf()).isEqualTo(end);
    assertThat(acme.matches()).extracting(Match::getMatchId).containsExactly("a-m1");
    MatchMember psp =
        acme.matches().get(0).getMembers().stream()
            .filter(m -> m.getRecordKind() == RecordKind.PSP_TXN)
            .findFirst()
            .orElseThrow();
    assertThat(psp.getPsp()).isEqualTo("adyen");
    assertThat(psp.getEventType()).isEqualTo("CAPTURE");
    assertThat(psp.getAmountMinor()).isEqualTo(1_000);
    assertThat(acme.exceptions())
        .extracting(ReconException::getExceptionId)
        .containsExactly("a-x-open", "a-x-resolved-next-day");
    assertThat(acme.deadLetters()).extracting(DeadLetter::getDeadLetterId).containsExactly("a-dl1");
    assertThat(acme.deadLetters().get(0).getProvenance().getFileName())
        .isEqualTo("a-psp-" + DAY_1 + ".csv");
    assertThat(acme.journalLines())
        .extracting(JournalLine::entryId, JournalLine::debitMinor, JournalLine::creditMinor)
        .containsExactly(tuple("a-e1", 1_000L, 0L), tuple("a-e1", 0L, 1_000L));
    assertThat(acme.inputs())
        .containsExactly("a-orders-" + DAY_1 + ".csv", "a-psp-" + DAY_1 + ".csv");

    ReconciliationRun globex = runs.of(GLOBEX, DAY_1, start, end);
    assertThat(globex.matches()).extracting(Match::getMatchId).containsExactly("g-m1");
    assertThat(globex.journalLines()).extracting(JournalLine::debitMinor).contains(1_000_000L);
    assertThat(runs.of("umbrella", DAY_1, start, end).matches()).isEmpty();
  }

  @Test
  void aDayOverASectionsLimitFailsLoudlyInsteadOfRenderingACutReport() {
    Instant start = Instant.parse("2026-03-10T23:00:00Z");
    Instant end = Instant.parse("2026-03-11T23:00:00Z");
    CaseworkDailyRuns.Limits one = new CaseworkDailyRuns.Limits(1, 100, 100, 100, 100, 100);
    assertThatThrownBy(() -> new CaseworkDailyRuns(app, one).of(ACME, DAY_2, start, end))
        .isInstanceOf(DailyRunTooLarge.class)
        .hasMessageContaining("tenant acme for " + DAY_2)
        .hasMessageContaining("more than 1 matches");
    CaseworkDailyRuns.Limits threeLines = new CaseworkDailyRuns.Limits(100, 100, 100, 100, 3, 100);
    assertThatThrownBy(() -> new CaseworkDailyRuns(app, threeLines).of(ACME, DAY_2, start, end))
        .isInstanceOf(DailyRunTooLarge.class)
        .hasMessageContaining("more than 3 journal lines");
    CaseworkDailyRuns.Limits four = new CaseworkDailyRuns.Limits(2, 4, 2, 1, 4, 3);
    assertThat(new CaseworkDailyRuns(app, four).of(ACME, DAY_2, start, end).matches()).hasSize(2);
  }

  @Test
  void aRoleThatBypassesRowLevelSecurityIsRefused() {
    assertThatThrownBy(
            () ->
                new CaseworkDailyRuns(server.reconDataSource())
                    .of(
                        ACME,
                        DAY_1,
                        Instant.parse("2026-03-09T23:00:00Z"),
                        Instant.parse("2026-03-10T23:00:00Z")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row-level security");
  }

  /** The values of one column of a report CSV section, header left out. */
  private static List<String> column(Path folder, String section, String key) throws Exception {
    List<String> lines = Files.readAllLines(folder.resolve("report-" + section + ".csv"));
    List<String> header = List.of(lines.get(0).split(",", -1));
    int at = header.indexOf(key);
    assertThat(at).as(section + " has column " + key).isNotNegative();
    List<String> values = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        values.add(line.split(",", -1)[at]);
      }
    }
    return values;
  }

  private static double count(SimpleMeterRegistry meters, String outcome) {
    var counter =
        meters.find(ReportScheduler.METER).tag("kind", "daily").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * Two days of one tenant: ids start with {@code p} ("a-", "g-"), amounts are multiples of {@code
   * unit}, so a row of the other tenant would show by id and amount.
   */
  private static void storeTwoDays(String tenant, String p, long unit) {
    SourceDocument orders1 =
        doc("file:orders", p + "-orders-" + DAY_1 + ".csv", "2026-03-10T08:00:00Z");
    SourceDocument psp1 = doc("file:adyen", p + "-psp-" + DAY_1 + ".csv", "2026-03-10T08:30:00Z");
    SourceDocument psp2 = doc("file:adyen", p + "-psp-" + DAY_2 + ".csv", "2026-03-11T08:30:00Z");
    Instant t0 = Instant.parse("2026-03-10T23:30:00Z"); // 11 March in Amsterdam
    Instant t1 = Instant.parse("2026-03-10T10:00:00Z");
    Instant t2 = Instant.parse("2026-03-11T10:00:00Z");
    List<ExpectedPayment> expected =
        List.of(
            expected(tenant, p + "-o1", 1_000 * unit, t1, orders1),
            expected(tenant, p + "-o0", 3_000 * unit, t0, orders1),
            expected(tenant, p + "-o2", 2_000 * unit, t2, orders1));
    List<PaymentEvent> events =
        List.of(
            capture(tenant, p + "-t1", 1_000 * unit, t1, psp1),
            capture(tenant, p + "-t0", 3_000 * unit, t0, psp1),
            capture(tenant, p + "-t2", 2_000 * unit, t2, psp2),
            capture(tenant, p + "-t-open", 500 * unit, t1, psp1),
            capture(tenant, p + "-t-x2", 700 * unit, t2, psp2));
    List<Match> matches =
        List.of(
            match(tenant, p + "-m1", t1, expected.get(0), events.get(0)),
            match(tenant, p + "-m0", t0, expected.get(1), events.get(1)),
            match(tenant, p + "-m2", t2, expected.get(2), events.get(2)));
    Instant d1 = Instant.parse("2026-03-10T11:00:00Z");
    List<ReconException> exceptions =
        List.of(
            exception(tenant, p + "-x-open", p + "-t-open", 500 * unit, t1, d1),
            exception(tenant, p + "-x-resolved-same-day", p + "-t1", 1_000 * unit, t1, d1),
            exception(tenant, p + "-x-resolved-next-day", p + "-t0", 3_000 * unit, t1, d1),
            exception(
                tenant,
                p + "-x-day2",
                p + "-t-x2",
                700 * unit,
                t2,
                Instant.parse("2026-03-11T11:00:00Z")));
    List<ExceptionResolution> resolutions =
        List.of(
            resolution(tenant, p + "-x-resolved-same-day", p + "-t1", d1, "2026-03-10T15:00:00Z"),
            resolution(tenant, p + "-x-resolved-next-day", p + "-t0", d1, "2026-03-11T12:00:00Z"));
    List<DeadLetter> deadLetters =
        List.of(
            deadLetter(tenant, p + "-dl1", psp1, "2026-03-10T08:30:00Z"),
            deadLetter(tenant, p + "-dl2", psp2, "2026-03-11T08:30:00Z"));
    new CaseStore(app, Clock.fixed(Instant.parse("2026-03-12T00:00:00Z"), ZoneOffset.UTC))
        .recordRun(
            new RunOutputs(
                tenant,
                "daily report test",
                List.of(orders1, psp1, psp2),
                expected,
                events,
                List.of(),
                matches,
                exceptions,
                resolutions,
                deadLetters));
    new LedgerWriter(app)
        .write(
            List.of(
                entry(tenant, p + "-e1", p + "-m1", t1, 1_000 * unit),
                entry(tenant, p + "-e0", p + "-m0", t0, 3_000 * unit),
                entry(tenant, p + "-e2", p + "-m2", t2, 2_000 * unit)));
  }

  private static SourceDocument doc(String source, String fileName, String receivedAt) {
    return SourceDocument.ofText(source, fileName, Instant.parse(receivedAt), fileName + "\n");
  }

  private static Provenance provenance(String tenant, SourceDocument d, int line) {
    return Provenance.newBuilder()
        .setTenantId(tenant)
        .setSource(d.source())
        .setFileName(d.fileName())
        .setContentSha256(d.sha256())
        .setLine(line)
        .setReceivedAt(d.receivedAt())
        .build();
  }

  private static ExpectedPayment expected(
      String tenant, String id, long amount, Instant at, SourceDocument d) {
    return ExpectedPayment.newBuilder()
        .setExpectedId(id)
        .setPsp("adyen")
        .setMerchantReference("ref-" + id)
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .setExpectedAt(at)
        .setProvenance(provenance(tenant, d, 2))
        .build();
  }

  private static PaymentEvent capture(
      String tenant, String id, long amount, Instant at, SourceDocument d) {
    return PaymentEvent.newBuilder()
        .setEventId(id)
        .setRecordKind(RecordKind.PSP_TXN)
        .setPsp("adyen")
        .setType(PaymentEventType.CAPTURE)
        .setPspReference("psp-" + id)
        .setGrossMinor(amount)
        .setGrossCurrency("EUR")
        .setFeeMinor(0)
        .setNetMinor(amount)
        .setNetCurrency("EUR")
        .setEventTime(at)
        .setProvenance(provenance(tenant, d, 3))
        .build();
  }

  private static Match match(
      String tenant, String id, Instant at, ExpectedPayment e, PaymentEvent t) {
    return Match.newBuilder()
        .setMatchId(id)
        .setTenantId(tenant)
        .setLevel(MatchLevel.L1)
        .setRule("reference+amount")
        .setConfidence(100)
        .setMatchedAt(at)
        .setMembers(
            List.of(
                MatchMember.newBuilder()
                    .setRecordKind(RecordKind.EXPECTED)
                    .setRecordId(e.getExpectedId())
                    .setAmountMinor(e.getAmountMinor())
                    .setCurrency("EUR")
                    .build(),
                MatchMember.newBuilder()
                    .setRecordKind(RecordKind.PSP_TXN)
                    .setRecordId(t.getEventId())
                    .setAmountMinor(t.getGrossMinor())
                    .setCurrency("EUR")
                    .build()))
        .build();
  }

  private static ReconException exception(
      String tenant, String id, String recordId, long amount, Instant recordTime, Instant at) {
    return ReconException.newBuilder()
        .setExceptionId(id)
        .setTenantId(tenant)
        .setLevel(MatchLevel.L1)
        .setReason("MISSING_EXPECTED")
        .setRecordKind(RecordKind.PSP_TXN)
        .setRecordId(recordId)
        .setAmountMinor(amount)
        .setCurrency("EUR")
        .setRecordTime(recordTime)
        .setDetectedAt(at)
        .build();
  }

  private static ExceptionResolution resolution(
      String tenant, String exceptionId, String recordId, Instant detectedAt, String resolvedAt) {
    return ExceptionResolution.newBuilder()
        .setResolutionId("r-" + exceptionId)
        .setExceptionId(exceptionId)
        .setTenantId(tenant)
        .setHow(ResolutionKind.LATE_MATCH)
        .setMatchId("m-late-" + exceptionId)
        .setRecordKind(RecordKind.PSP_TXN)
        .setRecordId(recordId)
        .setExceptionDetectedAt(detectedAt)
        .setResolvedAt(Instant.parse(resolvedAt))
        .build();
  }

  private static DeadLetter deadLetter(
      String tenant, String id, SourceDocument d, String receivedAt) {
    Provenance p = provenance(tenant, d, 7);
    p.setReceivedAt(Instant.parse(receivedAt));
    return DeadLetter.newBuilder()
        .setDeadLetterId(id)
        .setProvenance(p)
        .setFormat("adyen-settlement")
        .setField("amount")
        .setReason("not a number")
        .build();
  }

  private static JournalEntry entry(
      String tenant, String entryId, String matchId, Instant at, long amount) {
    return JournalEntry.newBuilder()
        .setEntryId(entryId)
        .setTenantId(tenant)
        .setBookedAt(at)
        .setSourceKind("MATCH_L1")
        .setSourceId(matchId)
        .setPostings(
            List.of(
                Posting.newBuilder()
                    .setAccount(ChartOfAccounts.pspReceivable("adyen"))
                    .setDebitMinor(amount)
                    .setCreditMinor(0)
                    .setCurrency("EUR")
                    .build(),
                Posting.newBuilder()
                    .setAccount(ChartOfAccounts.PAYMENTS_CLEARING)
                    .setDebitMinor(0)
                    .setCreditMinor(amount)
                    .setCurrency("EUR")
                    .build()))
        .build();
  }
}
