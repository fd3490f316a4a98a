package dev.recon.ledger.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerPartitions;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Partitions ahead, and archiving closed months, on a real PostgreSQL. */
@Timeout(180)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerArchiveIT {

  private static final List<String> TENANTS = List.of("acme", "globex");
  private static final List<String> ACCOUNTS =
      List.of("psp_receivable:adyen", "payments_clearing", "psp_fees", "bank:NL91", "write_offs");
  private static final List<String> CURRENCIES = List.of("EUR", "USD");
  private static final YearMonth JAN = YearMonth.of(2024, 1);
  private static final YearMonth FEB = YearMonth.of(2024, 2);
  private static final YearMonth MAR = YearMonth.of(2024, 3);
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** Mid-June 2024: January and February are older than 3 closed months, March is not. */
  private static final Clock JUNE =
      Clock.fixed(Instant.parse("2024-06-15T10:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path dir;
  static EmbeddedLedger db;
  static List<JournalEntry> entries = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"));
    // Deterministic entries over Jan-Mar 2024, some at exactly midnight, with a description
    // holding CSV's own separators.
    Instant first = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 900; i++) {
      long amount = 1 + (i * 7919L) % 1_000_000;
      String currency = CURRENCIES.get(i % CURRENCIES.size());
      Instant at =
          i % 50 == 0
              ? first.plus(i / 10, ChronoUnit.DAYS)
              : first.plus((i * 8111L) % (90L * 24 * 3600), ChronoUnit.SECONDS);
      entries.add(
          JournalEntry.newBuilder()
              .setTenantId(TENANTS.get(i % TENANTS.size()))
              .setEntryId("je-arch-" + i)
              .setBookedAt(at)
              .setSourceKind("MANUAL")
              .setSourceId("arch:" + i)
              .setDescription(i % 7 == 0 ? "line, with \"quotes\"\nand a newline" : null)
              .setPostings(
                  List.of(
                      new Posting(ACCOUNTS.get(i % ACCOUNTS.size()), amount, 0L, currency),
                      new Posting(ACCOUNTS.get((i + 2) % ACCOUNTS.size()), 0L, amount, currency)))
              .build());
    }
    new LedgerWriter(db.app()).write(entries);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  private static long ownerCount(String sql) throws SQLException {
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static ArchivePolicy policy(boolean keepDetached) {
    return new ArchivePolicy(3, keepDetached, JUNE);
  }

  /** Day-end trial balances of every day of the month and the next, and instants after it. */
  private static Map<String, List<TrialBalanceLine>> balancesAround(YearMonth month) {
    LedgerQueries queries = new LedgerQueries(db.app());
    Map<String, List<TrialBalanceLine>> balances = new LinkedHashMap<>();
    for (String tenant : TENANTS) {
      for (LocalDate d = month.atDay(1).minusDays(1);
          d.isBefore(month.plusMonths(1).atEndOfMonth());
          d = d.plusDays(1)) {
        balances.put(tenant + " end of " + d, queries.trialBalanceAtEndOfDay(tenant, d));
      }
      Instant next = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      for (Instant t :
          List.of(next, next.plusSeconds(12 * 3600 + 7), next.plus(40, ChronoUnit.DAYS))) {
        balances.put(tenant + " as of " + t, queries.trialBalanceAsOf(tenant, t));
        balances.put(
            tenant + " psp_fees EUR as of " + t,
            List.of(
                new TrialBalanceLine(
                    "psp_fees",
                    dev.recon.ledger.chart.AccountType.EXPENSE,
                    "EUR",
                    queries.balanceAsOf(tenant, "psp_fees", "EUR", t),
                    0)));
      }
    }
    return balances;
  }

  @Test
  @Order(1)
  void partitionsAreCreatedAheadOnceAndWithinLimits() throws SQLException {
    YearMonth from = YearMonth.now(ZoneOffset.UTC);
    List<YearMonth> created = LedgerPartitions.ensureAhead(db.owner(), from, 3);
    assertThat(created).containsExactly(from, from.plusMonths(1), from.plusMonths(2));
    assertThat(LedgerPartitions.ensureAhead(db.owner(), from, 3)).isEmpty();
    assertThat(LedgerPartitions.ensureAhead(db.owner(), from.minusMonths(1), 5))
        .containsExactly(from.minusMonths(1), from.plusMonths(3));
    for (int i = -1; i <= 3; i++) {
      assertThat(LedgerPartitions.exists(db.owner(), from.plusMonths(i))).isTrue();
    }
    assertThat(
            ownerCount(
                "select count(*) from pg_class where relname like 'postings_y%' and relkind = 'r'"
                    + " and relispartition and relforcerowsecurity"))
        .isEqualTo(
            ownerCount(
                "select count(*) from pg_class where relname like 'postings_y%'"
                    + " and relkind = 'r'"))
        .isGreaterThanOrEqualTo(8);
    assertThatThrownBy(() -> LedgerPartitions.ensureAhead(db.owner(), from, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> LedgerPartitions.ensureAhead(db.owner(), from, LedgerPartitions.MAX_MONTHS + 1))
        .isInstanceOf(IllegalArgumentException.class);
    // The database's own bound: not 5 years ahead.
    assertThatThrownBy(
            () -> LedgerPartitions.ensureAhead(db.owner(), from.plusYears(5).plusMonths(1), 1))
        .isInstanceOf(org.jooq.exception.DataAccessException.class);
  }

  @Test
  @Order(2)
  void aMonthTooRecentIsRefusedAndNothingChanges() throws Exception {
    long postings = ownerCount("select count(*) from ledger.postings");
    ArchiveOutcome outcome =
        LedgerArchive.archiveMonth(db.owner(), MAR, dir.resolve("arch"), policy(false));
    assertThat(outcome)
        .isEqualTo(
            new ArchiveOutcome.Refused(
                ArchiveOutcome.Reason.TOO_RECENT, "2024-03 is not older than 3 closed month(s)"));
    assertThat(LedgerPartitions.exists(db.owner(), MAR)).isTrue();
    assertThat(ownerCount("select count(*) from ledger.postings")).isEqualTo(postings);
    assertThatThrownBy(() -> new ArchivePolicy(0, false, JUNE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @Order(3)
  void theAppRoleCanDoNoneOfIt() throws Exception {
    assertThatThrownBy(
            () -> LedgerArchive.archiveMonth(db.app(), JAN, dir.resolve("by-app"), policy(false)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owns the ledger");
    for (String attack :
        List.of(
            "alter table ledger.postings detach partition ledger.postings_y2024m01",
            "drop table ledger.postings_y2024m01",
            "alter table ledger.postings_y2024m01 no force row level security",
            "insert into ledger.archived_months (month, entries, postings, manifest_sha256,"
                + " manifest_path, kept_detached) values ('2024-01-01', 0, 0, repeat('0', 64),"
                + " 'x', false)",
            "select count(*) from ledger.archived_months",
            "update ledger.daily_balances set debit_minor = 0",
            "copy (select * from ledger.postings_y2024m01) to stdout")) {
      assertThatExceptionOfType(SQLException.class)
          .as(attack)
          .isThrownBy(
              () -> {
                try (Connection c = db.app().getConnection();
                    Statement s = c.createStatement()) {
                  s.execute("select set_config('app.tenant_id', 'acme', false)");
                  s.execute(attack);
                }
              })
          .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
    assertThat(LedgerPartitions.exists(db.owner(), JAN)).isTrue();
    assertThat(Files.exists(dir.resolve("by-app"))).isFalse();
  }

  @Test
  @Order(4)
  void archivingAMonthKeepsEveryDayEndBalanceAndWritesVerifiedFiles() throws Exception {
    long janEntries =
        entries.stream()
            .filter(e -> YearMonth.from(e.getBookedAt().atOffset(ZoneOffset.UTC)).equals(JAN))
            .count();
    long totalPostings = ownerCount("select count(*) from ledger.postings");
    long janPostings = ownerCount("select count(*) from ledger.postings_y2024m01");
    assertThat(janEntries).isPositive();
    Map<String, List<TrialBalanceLine>> before = balancesAround(JAN);
    assertThat(before.values()).allSatisfy(lines -> assertThat(lines).isNotNull());

    Path out = dir.resolve("arch");
    ArchiveOutcome outcome = LedgerArchive.archiveMonth(db.owner(), JAN, out, policy(false));

    assertThat(outcome).isInstanceOf(ArchiveOutcome.Archived.class);
    ArchiveOutcome.Archived archived = (ArchiveOutcome.Archived) outcome;
    ArchiveManifest manifest = archived.manifest();
    assertThat(manifest.entries()).isEqualTo(janEntries);
    assertThat(manifest.postings()).isEqualTo(janPostings).isEqualTo(2 * janEntries);
    assertThat(manifest.postingTotals())
        .extracting(CurrencyTotal::currency)
        .containsExactly("EUR", "USD");
    assertThat(manifest.postingTotals())
        .allSatisfy(t -> assertThat(t.debitMinor()).isEqualTo(t.creditMinor()).isPositive());
    for (ArchiveFile f : manifest.files()) {
      Path file = out.resolve(f.name());
      assertThat(sha256(Files.readAllBytes(file))).as(f.name()).isEqualTo(f.sha256());
      assertThat(dataLines(file)).as(f.name()).isGreaterThanOrEqualTo(f.rows());
    }
    String json = Files.readString(archived.manifestFile(), StandardCharsets.UTF_8);
    assertThat(sha256(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(archived.manifestSha256());
    assertThat(json).contains("\"month\": \"2024-01\"").contains("\"entries\": " + janEntries);

    // Gone from the database, the rest untouched, the daily balances all kept.
    assertThat(LedgerPartitions.exists(db.owner(), JAN)).isFalse();
    assertThat(ownerCount("select count(*) from pg_class where relname like '%y2024m01%'"))
        .isZero();
    assertThat(ownerCount("select count(*) from ledger.postings"))
        .isEqualTo(totalPostings - janPostings);
    assertThat(balancesAround(JAN)).isEqualTo(before);
    assertThat(
            ownerCount(
                "select count(*) from pg_class where oid = 'ledger.daily_balances'::regclass"
                    + " and relforcerowsecurity"))
        .isOne();
    assertThat(
            ownerCount(
                "select count(*) from ledger.archived_months where month = '2024-01-01'"
                    + " and entries = "
                    + janEntries
                    + " and manifest_sha256 = '"
                    + archived.manifestSha256()
                    + "'"))
        .isOne();

    // Never again: a second archive, and a late booking into the month.
    assertThat(LedgerArchive.archiveMonth(db.owner(), JAN, out, policy(false)))
        .isInstanceOf(ArchiveOutcome.Refused.class)
        .extracting(o -> ((ArchiveOutcome.Refused) o).reason())
        .isEqualTo(ArchiveOutcome.Reason.ALREADY_ARCHIVED);
    JournalEntry late =
        JournalEntry.newBuilder(entries.get(1))
            .setEntryId("je-arch-late")
            .setSourceId("arch:late")
            .setBookedAt(Instant.parse("2024-01-20T10:00:00Z"))
            .build();
    assertThatThrownBy(() -> new LedgerWriter(db.app()).write(List.of(late)))
        .hasMessageContaining("archived");
  }

  @Test
  @Order(5)
  void keptDetachedPartitionsAreRenamedAndStayClosedToTheApp() throws Exception {
    Map<String, List<TrialBalanceLine>> before = balancesAround(FEB);
    Path out = dir.resolve("arch-kept");
    ArchiveOutcome outcome = LedgerArchive.archiveMonth(db.owner(), FEB, out, policy(true));
    assertThat(outcome).isInstanceOf(ArchiveOutcome.Archived.class);
    assertThat(LedgerPartitions.exists(db.owner(), FEB)).isFalse();
    assertThat(
            ownerCount(
                "select count(*) from pg_class where relname in"
                    + " ('archived_journal_entries_y2024m02', 'archived_postings_y2024m02')"
                    + " and not relispartition and relforcerowsecurity"))
        .isEqualTo(2);
    assertThat(ownerCount("select count(*) from ledger.archived_postings_y2024m02"))
        .isEqualTo(((ArchiveOutcome.Archived) outcome).manifest().postings());
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () -> {
              try (Connection c = db.app().getConnection();
                  Statement s = c.createStatement()) {
                s.execute("select count(*) from ledger.archived_postings_y2024m02");
              }
            })
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    assertThat(balancesAround(FEB)).isEqualTo(before);
    // Files of an archived month are never overwritten.
    Files.createDirectories(dir.resolve("arch-again"));
    Files.writeString(dir.resolve("arch-again").resolve("ledger-2023-12-manifest.json"), "{}");
    assertThat(
            LedgerArchive.archiveMonth(
                db.owner(), YearMonth.of(2023, 12), dir.resolve("arch-again"), policy(false)))
        .extracting(o -> ((ArchiveOutcome.Refused) o).reason())
        .isEqualTo(ArchiveOutcome.Reason.NO_PARTITIONS);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static long dataLines(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().count() - 1;
    }
  }
}
