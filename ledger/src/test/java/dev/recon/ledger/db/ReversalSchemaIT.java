package dev.recon.ledger.db;

import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.recon.ledger.posting.MatchFixtures;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.Posting;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database enforces what a reversal is (V11), whoever writes it: every attack here is raw SQL
 * as the application login, and every test fails if the database accepts it.
 */
@Timeout(120)
class ReversalSchemaIT {

  private static final String ACME = "acme";
  private static final String GLOBEX = "globex";
  private static final Instant CAPTURED = Instant.parse("2024-03-10T09:00:00Z");
  private static final String BOOKED = "2024-03-20T12:00:00Z";
  private static final String CHECK_VIOLATION = "23514";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** Captures of 1000 EUR booked at L1 for acme, one per attack that needs its own source. */
  private static final List<String> CAPTURES =
      List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");

  @TempDir static Path dir;
  static EmbeddedLedger db;
  static LedgerWriter writer;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"));
    writer = new LedgerWriter(db.app());
    List<JournalEntry> entries = new ArrayList<>();
    for (String tenant : List.of(ACME, GLOBEX)) {
      for (String c : CAPTURES) {
        entries.addAll(
            PostingRules.entriesFor(
                match(
                    tenant,
                    "L1:" + c,
                    MatchLevel.L1,
                    CAPTURED,
                    expected("o-" + c, 1_000, "EUR"),
                    pspTxn(c, "CAPTURE", 1_000, 0, "EUR", "adyen"))));
      }
    }
    // Opens psp_fees and suspense in acme's chart, so that attacks are refused for what they are.
    entries.add(
        JournalEntry.newBuilder()
            .setEntryId("je-chart")
            .setTenantId(ACME)
            .setBookedAt(CAPTURED)
            .setSourceKind("MANUAL")
            .setSourceId("chart")
            .setPostings(
                List.of(
                    new Posting("psp_fees", 1L, 0L, "EUR"), new Posting("suspense", 0L, 1L, "EUR")))
            .build());
    writer.write(entries);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @FunctionalInterface
  interface SqlWork {
    void run(Connection c) throws SQLException;
  }

  /** One transaction as the application login, with the tenant set as the platform sets it. */
  private static void asApp(String tenant, SqlWork work) throws SQLException {
    try (Connection c = db.app().getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement s =
            c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
          s.setString(1, tenant);
          s.execute();
        }
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long ownerCount(String sql) throws SQLException {
    try (Connection c = db.owner().getConnection()) {
      return count(c, sql);
    }
  }

  private static void insertEntry(
      Connection c,
      String tenant,
      String entryId,
      String sourceKind,
      String sourceId,
      String reverses)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into ledger.journal_entries (tenant_id, entry_id, booked_at, source_kind,"
                + " source_id, reverses_source_id) values (?, ?, ?::timestamptz, ?, ?, ?)")) {
      s.setString(1, tenant);
      s.setString(2, entryId);
      s.setString(3, BOOKED);
      s.setString(4, sourceKind);
      s.setString(5, sourceId);
      s.setString(6, reverses);
      s.execute();
    }
  }

  private static void insertReversal(Connection c, String tenant, String entryId, String reverses)
      throws SQLException {
    insertEntry(c, tenant, entryId, "REVERSAL", "u-" + entryId, reverses);
  }

  /**
   * Postings of one entry in one statement, lines 1..n; each line "account debit credit" in EUR.
   */
  private static void insertPostings(Connection c, String tenant, String entryId, String... lines)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "insert into ledger.postings (tenant_id, entry_id, booked_at, line_no, account,"
                + " debit_minor, credit_minor, currency) values ");
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split(" ");
      sql.append(i == 0 ? "" : ", ")
          .append("('")
          .append(tenant)
          .append("', '")
          .append(entryId)
          .append("', '")
          .append(BOOKED)
          .append("', ")
          .append(i + 1)
          .append(", '")
          .append(f[0])
          .append("', ")
          .append(f[1])
          .append(", ")
          .append(f[2])
          .append(", 'EUR')");
    }
    exec(c, sql.toString());
  }

  /** The exact mirror of an L1 capture of 1000 EUR. */
  private static final String[] MIRROR = {
    "psp_receivable:adyen 0 1000", "payments_clearing 1000 0"
  };

  private static void assertRefused(String sqlState, String message, SqlWork work) {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(() -> asApp(ACME, work))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(sqlState))
        .withMessageContaining(message);
  }

  private static long reversals() throws SQLException {
    return ownerCount("select count(*) from ledger.journal_entries where source_kind = 'REVERSAL'");
  }

  @Test
  void aByHandMirrorIsAcceptedAndRegistered() throws SQLException {
    long before = reversals();
    asApp(
        ACME,
        c -> {
          insertReversal(c, ACME, "je-r-ok", "L1:a1");
          insertPostings(c, ACME, "je-r-ok", MIRROR);
        });
    assertThat(reversals()).isEqualTo(before + 1);
    assertThat(
            ownerCount(
                "select count(*) from ledger.reversed_sources where tenant_id = 'acme'"
                    + " and source_id = 'L1:a1' and reversal_entry_id = 'je-r-ok'"))
        .isEqualTo(1);
  }

  @Test
  void aReversalMustNameASourceTheLedgerHolds() throws SQLException {
    long before = reversals();
    SqlWork unknown =
        c -> {
          insertReversal(c, ACME, "je-r-unknown", "L1:never-booked");
          insertPostings(c, ACME, "je-r-unknown", MIRROR);
        };
    assertRefused(CHECK_VIOLATION, "has no entries", unknown);
    assertThat(reversals()).isEqualTo(before);
  }

  @Test
  void aTenantCannotReverseAnotherTenantsSource() throws SQLException {
    long before = reversals();
    // acme books x-acme; globex names it in a reversal of its own.
    new LedgerWriter(db.app())
        .write(
            PostingRules.entriesFor(
                match(
                    ACME,
                    "L1:x-acme",
                    MatchLevel.L1,
                    CAPTURED,
                    expected("o-x", 1_000, "EUR"),
                    pspTxn("x", "CAPTURE", 1_000, 0, "EUR", "adyen"))));
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    GLOBEX,
                    c -> {
                      insertReversal(c, GLOBEX, "je-r-cross", "L1:x-acme");
                      insertPostings(c, GLOBEX, "je-r-cross", MIRROR);
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("has no entries");
    assertThat(reversals()).isEqualTo(before);
  }

  @Test
  void aSourceIsReversedAtMostOnce() throws SQLException {
    writer.write(PostingRules.entriesFor(MatchFixtures.unmatch(ACME, "m-u3", CAPTURED, "L1:a3")));
    long before = reversals();
    assertRefused(
        UNIQUE_VIOLATION,
        "reversed_sources_pk",
        c -> {
          insertReversal(c, ACME, "je-r-twice", "L1:a3");
          insertPostings(c, ACME, "je-r-twice", MIRROR);
        });
    assertThat(reversals()).isEqualTo(before);
  }

  @Test
  void aReversalIsNotItselfReversible() throws SQLException {
    writer.write(PostingRules.entriesFor(MatchFixtures.unmatch(ACME, "m-u2", CAPTURED, "L1:a2")));
    long before = reversals();
    assertRefused(
        CHECK_VIOLATION,
        "has no entries",
        c -> {
          insertReversal(c, ACME, "je-r-of-r", "m-u2");
          insertPostings(
              c, ACME, "je-r-of-r", "psp_receivable:adyen 1000 0", "payments_clearing 0 1000");
        });
    assertThat(reversals()).isEqualTo(before);
  }

  @Test
  void aReversalsPostingsMustBeTheMirrorOfTheOriginals() throws SQLException {
    long before = reversals();
    // Balanced, but other accounts.
    assertRefused(
        CHECK_VIOLATION,
        "not the mirror",
        c -> {
          insertReversal(c, ACME, "je-r-other", "L1:a4");
          insertPostings(c, ACME, "je-r-other", "psp_fees 1000 0", "psp_receivable:adyen 0 1000");
        });
    // The original again instead of its mirror: doubles what it should undo.
    assertRefused(
        CHECK_VIOLATION,
        "not the mirror",
        c -> {
          insertReversal(c, ACME, "je-r-copy", "L1:a4");
          insertPostings(
              c, ACME, "je-r-copy", "psp_receivable:adyen 1000 0", "payments_clearing 0 1000");
        });
    // A partial mirror.
    assertRefused(
        CHECK_VIOLATION,
        "not the mirror",
        c -> {
          insertReversal(c, ACME, "je-r-part", "L1:a4");
          insertPostings(
              c, ACME, "je-r-part", "psp_receivable:adyen 0 999", "payments_clearing 999 0");
        });
    assertThat(reversals()).isEqualTo(before);
    assertThat(ownerCount("select count(*) from ledger.reversed_sources where source_id = 'L1:a4'"))
        .isZero();
  }

  @Test
  void aReversalWithoutPostingsFailsAtCommit() throws SQLException {
    long before = reversals();
    assertRefused(
        CHECK_VIOLATION, "have no postings", c -> insertReversal(c, ACME, "je-r-bare", "L1:a5"));
    assertThat(reversals()).isEqualTo(before);
  }

  @Test
  void aReversalBeforeItsOriginalHasItsPostingsIsRefused() throws SQLException {
    long before = reversals();
    assertRefused(
        CHECK_VIOLATION,
        "do not all have their postings",
        c -> {
          insertEntry(c, ACME, "je-late-original", "MANUAL", "late-source", null);
          insertReversal(c, ACME, "je-r-early", "late-source");
          insertPostings(c, ACME, "je-r-early", "psp_fees 5 0", "psp_fees 0 5");
          insertPostings(c, ACME, "je-late-original", "psp_fees 5 0", "suspense 0 5");
        });
    assertThat(reversals()).isEqualTo(before);
  }

  @Test
  void theReversalMarkerAndTheSourceKindAgree() throws SQLException {
    String[] lines = {"psp_fees 5 0", "suspense 0 5"};
    assertRefused(
        CHECK_VIOLATION,
        "journal_entries_reversal_ck",
        c -> {
          insertEntry(c, ACME, "je-kind-only", "REVERSAL", "k1", null);
          insertPostings(c, ACME, "je-kind-only", lines);
        });
    assertRefused(
        CHECK_VIOLATION,
        "journal_entries_reversal_ck",
        c -> {
          insertEntry(c, ACME, "je-marker-only", "MATCH_L1", "k2", "L1:a6");
          insertPostings(c, ACME, "je-marker-only", MIRROR);
        });
    assertRefused(
        CHECK_VIOLATION,
        "journal_entries_reversal_ck",
        c -> {
          insertEntry(c, ACME, "je-self", "REVERSAL", "L1:a6", "L1:a6");
          insertPostings(c, ACME, "je-self", MIRROR);
        });
  }

  @Test
  void theRegisterIsTheDatabasesOwnAndAppendOnly() throws SQLException {
    for (String attack :
        List.of(
            "insert into ledger.reversed_sources (tenant_id, source_id, reversal_entry_id,"
                + " reversal_booked_at, written_by_xact) values ('acme', 'L1:a7', 'je-x', '"
                + BOOKED
                + "', pg_current_xact_id())",
            "update ledger.reversed_sources set source_id = 'L1:a7'",
            "delete from ledger.reversed_sources",
            "truncate ledger.reversed_sources")) {
      assertRefused(INSUFFICIENT_PRIVILEGE, "permission denied", c -> exec(c, attack));
    }
    writer.write(PostingRules.entriesFor(MatchFixtures.unmatch(ACME, "m-u8", CAPTURED, "L1:a8")));
    long registered = ownerCount("select count(*) from ledger.reversed_sources");
    try (Connection c = db.owner().getConnection()) {
      assertThatExceptionOfType(SQLException.class)
          .isThrownBy(() -> exec(c, "delete from ledger.reversed_sources"))
          .withMessageContaining("append-only");
    }
    assertThat(ownerCount("select count(*) from ledger.reversed_sources")).isEqualTo(registered);
    // Each tenant sees only its own register.
    asApp(
        GLOBEX,
        c ->
            assertThat(
                    count(
                        c, "select count(*) from ledger.reversed_sources where tenant_id = 'acme'"))
                .isZero());
    asApp(
        ACME,
        c ->
            assertThat(
                    count(
                        c,
                        "select count(*) from ledger.reversed_sources where source_id = 'L1:a8'"))
                .isEqualTo(1));
  }
}
