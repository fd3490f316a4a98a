package dev.recon.ledger.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.posting.AdyenLikeCycle;
import dev.recon.schemas.JournalEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database itself enforces tenancy, append-only and balance: every attack here is made with raw
 * SQL, and every test fails if the database accepts it.
 */
@Timeout(120)
class LedgerSchemaIT {

  private static final String ACME = "acme";
  private static final String GLOBEX = "globex";
  private static final String BOOKED = "2024-03-20T12:00:00Z";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String CHECK_VIOLATION = "23514";

  @TempDir static Path dir;
  static EmbeddedLedger db;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"));
    List<JournalEntry> entries = new ArrayList<>();
    entries.addAll(AdyenLikeCycle.entries(ACME, "A1", Instant.parse("2024-03-10T09:00:00Z")));
    entries.addAll(AdyenLikeCycle.entries(GLOBEX, "G1", Instant.parse("2024-03-10T09:00:00Z")));
    new LedgerWriter(db.app()).write(entries);
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
    in(db.app(), tenant, work);
  }

  private static void in(DataSource ds, String tenant, SqlWork work) throws SQLException {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (tenant != null) {
          try (PreparedStatement s =
              c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            s.setString(1, tenant);
            s.execute();
          }
        }
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Counted as the superuser, who bypasses row-level security: the ground truth. */
  private static long ownerCount(String sql) throws SQLException {
    try (Connection c = db.owner().getConnection()) {
      return count(c, sql);
    }
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void insertEntry(Connection c, String tenant, String entryId) throws SQLException {
    exec(
        c,
        "insert into ledger.journal_entries (tenant_id, entry_id, booked_at, source_kind, source_id)"
            + " values ('"
            + tenant
            + "', '"
            + entryId
            + "', '"
            + BOOKED
            + "', 'ATTACK', '"
            + entryId
            + "')");
  }

  private static void insertPosting(
      Connection c, String entryId, int line, String account, long dr, long cr, String currency)
      throws SQLException {
    exec(
        c,
        "insert into ledger.postings (tenant_id, entry_id, booked_at, line_no, account, debit_minor,"
            + " credit_minor, currency) values ('acme', '"
            + entryId
            + "', '"
            + BOOKED
            + "', "
            + line
            + ", '"
            + account
            + "', "
            + dr
            + ", "
            + cr
            + ", '"
            + currency
            + "')");
  }

  /**
   * Postings of one entry in ONE statement, as the database requires; each is line, account, dr,
   * cr, currency.
   */
  private static void insertPostings(Connection c, String entryId, String... lines)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "insert into ledger.postings (tenant_id, entry_id, booked_at, line_no, account,"
                + " debit_minor, credit_minor, currency) values ");
    for (int i = 0; i < lines.length; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("('acme', '")
          .append(entryId)
          .append("', '")
          .append(BOOKED)
          .append("', ")
          .append(lines[i])
          .append(')');
    }
    exec(c, sql.toString());
  }

  private static String anyAcmeEntry() throws SQLException {
    try (Connection c = db.owner().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select entry_id from ledger.journal_entries where tenant_id = 'acme'"
                    + " and source_kind = 'MATCH_L1' order by entry_id limit 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void migrationsAreIdempotentAndLeaveTheIntendedShape() throws SQLException {
    assertThat(LedgerDatabase.migrate(db.owner())).isZero();
    assertThat(
            ownerCount(
                "select count(*) from pg_partitioned_table p join pg_class c on c.oid = p.partrelid"
                    + " where c.relnamespace = 'ledger'::regnamespace"
                    + " and c.relname in ('journal_entries', 'postings')"))
        .isEqualTo(2);
    assertThat(
            ownerCount(
                "select count(*) from pg_class where relnamespace = 'ledger'::regnamespace"
                    + " and relname in ('accounts', 'journal_entries', 'postings')"
                    + " and relrowsecurity and relforcerowsecurity"))
        .isEqualTo(3);
    assertThat(
            ownerCount(
                "select count(*) from pg_roles where rolname = 'recon_app' and not rolcanlogin"
                    + " and not rolsuper and not rolbypassrls and not rolcreaterole"))
        .isEqualTo(1);
    assertThat(
            ownerCount(
                "select count(*) from pg_class where relowner = 'recon_app'::regrole"
                    + " or relowner = '"
                    + EmbeddedLedger.APP_LOGIN
                    + "'::regrole"))
        .isZero();
    assertThat(
            ownerCount(
                "select count(*) from (values ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'),"
                    + " ('TRIGGER')) p(priv), (values ('ledger.accounts'), ('ledger.journal_entries'),"
                    + " ('ledger.postings')) t(tbl) where has_table_privilege('"
                    + EmbeddedLedger.APP_LOGIN
                    + "', tbl, priv)"))
        .isZero();
    assertThat(
            ownerCount(
                "select count(*) from pg_class c where c.relnamespace = 'ledger'::regnamespace"
                    + " and c.relkind = 'r' and c.relispartition and has_table_privilege('"
                    + EmbeddedLedger.APP_LOGIN
                    + "', c.oid, 'SELECT')"))
        .isZero();
  }

  @Test
  void appLoginNeedsItsPassword() {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                db.dataSource(EmbeddedLedger.APP_LOGIN, "not-the-password").getConnection().close())
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
  }

  @Test
  void aTenantSeesNoRowOfAnotherTenant() throws SQLException {
    assertThat(ownerCount("select count(*) from ledger.postings where tenant_id = 'acme'"))
        .isPositive();
    for (String table : List.of("accounts", "journal_entries", "postings", "daily_balances")) {
      asApp(
          GLOBEX,
          c -> {
            assertThat(
                    count(c, "select count(*) from ledger." + table + " where tenant_id = 'acme'"))
                .as(table)
                .isZero();
            assertThat(count(c, "select count(*) from ledger." + table)).as(table).isPositive();
          });
      asApp(
          null,
          c -> assertThat(count(c, "select count(*) from ledger." + table)).as(table).isZero());
    }
  }

  @Test
  void aTenantCannotWriteRowsOfAnotherTenant() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    GLOBEX,
                    c ->
                        exec(
                            c,
                            "insert into ledger.accounts (tenant_id, account, account_type,"
                                + " normal_balance) values ('acme', 'write_offs', 'EXPENSE',"
                                + " 'DEBIT')")))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(() -> asApp(GLOBEX, c -> insertEntry(c, ACME, "je-attack-cross-tenant")))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    assertThat(ownerCount("select count(*) from ledger.accounts where account = 'write_offs'"))
        .isZero();
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id ="
                    + " 'je-attack-cross-tenant'"))
        .isZero();
  }

  @Test
  void partitionsCannotBeReadOrWrittenDirectly() throws SQLException {
    assertThat(ownerCount("select count(*) from ledger.postings_y2024m03")).isPositive();
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () -> asApp(ACME, c -> count(c, "select count(*) from ledger.postings_y2024m03")))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c ->
                        exec(
                            c,
                            "insert into ledger.journal_entries_y2024m03 (tenant_id, entry_id,"
                                + " booked_at, source_kind, source_id) values ('acme', 'je-p',"
                                + " '"
                                + BOOKED
                                + "', 'ATTACK', 'p')")))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    // Defence in depth: partitions force row-level security with no policy of their own.
    assertThat(
            ownerCount(
                "select count(*) from pg_class where relnamespace = 'ledger'::regnamespace"
                    + " and relkind = 'r' and relispartition"
                    + " and not (relrowsecurity and relforcerowsecurity)"))
        .isZero();
  }

  @Test
  void theAppCannotUpdateDeleteOrTruncate() throws SQLException {
    long postings = ownerCount("select count(*) from ledger.postings");
    long entries = ownerCount("select count(*) from ledger.journal_entries");
    for (String attack :
        List.of(
            "update ledger.postings set debit_minor = debit_minor + 1 where debit_minor > 0",
            "delete from ledger.postings",
            "delete from ledger.journal_entries",
            "update ledger.accounts set account_type = 'INCOME'",
            "update ledger.daily_balances set debit_minor = 0",
            "insert into ledger.daily_balances values ('acme', 'psp_fees', 'USD', '2024-03-01', 1, 0)",
            "delete from ledger.daily_balances",
            "truncate ledger.postings")) {
      assertThatExceptionOfType(SQLException.class)
          .as(attack)
          .isThrownBy(() -> asApp(ACME, c -> exec(c, attack)))
          .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
    assertThat(ownerCount("select count(*) from ledger.postings")).isEqualTo(postings);
    assertThat(ownerCount("select count(*) from ledger.journal_entries")).isEqualTo(entries);
  }

  @Test
  void theLedgerIsAppendOnlyEvenForItsOwner() throws SQLException {
    long postings = ownerCount("select count(*) from ledger.postings");
    long sum = ownerCount("select sum(debit_minor) from ledger.postings");
    for (String attack :
        List.of(
            "update ledger.postings set debit_minor = debit_minor + 1 where debit_minor > 0",
            "delete from ledger.postings where tenant_id = 'acme'",
            "update ledger.journal_entries set description = 'changed'",
            "delete from ledger.journal_entries where tenant_id = 'acme'",
            "truncate ledger.postings")) {
      assertThatThrownBy(() -> in(db.owner(), null, c -> exec(c, attack)))
          .as(attack)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(ownerCount("select count(*) from ledger.postings")).isEqualTo(postings);
    assertThat(ownerCount("select sum(debit_minor) from ledger.postings")).isEqualTo(sum);
  }

  @Test
  void anUnbalancedEntryIsRejected() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-unbalanced");
                      insertPostings(
                          c,
                          "je-attack-unbalanced",
                          "1, 'psp_fees', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 90, 'USD'");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("does not balance in USD");
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id = 'je-attack-unbalanced'"))
        .isZero();
  }

  @Test
  void anEntrySplitOverStatementsIsRejectedEvenIfTheHalvesWouldBalance() throws SQLException {
    List<String> statementsDone = new ArrayList<>();
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-split");
                      statementsDone.add("entry");
                      insertPosting(c, "je-attack-split", 1, "psp_fees", 100, 0, "USD");
                      statementsDone.add("first half");
                      insertPosting(c, "je-attack-split", 2, "psp_receivable:adyen", 0, 100, "USD");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("does not balance in USD");
    // Rejected by the statement that brought half an entry, not later.
    assertThat(statementsDone).containsExactly("entry");
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id = 'je-attack-split'"))
        .isZero();
  }

  @Test
  void balancedHalvesInTwoStatementsAreRejected() throws SQLException {
    // Each statement balances, but the entry's lines must be 1..n of one statement: the second
    // statement either repeats a line number (primary key) or does not start at line 1.
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-halves");
                      insertPostings(
                          c,
                          "je-attack-halves",
                          "1, 'psp_fees', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 100, 'USD'");
                      insertPostings(
                          c,
                          "je-attack-halves",
                          "3, 'psp_fees', 7, 0, 'USD'",
                          "4, 'psp_receivable:adyen', 0, 7, 'USD'");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("lines 1..n");
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id = 'je-attack-halves'"))
        .isZero();
  }

  @Test
  void anEntryWhosePostingsSkipLineOneIsRejected() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-gap");
                      insertPostings(
                          c,
                          "je-attack-gap",
                          "2, 'psp_fees', 100, 0, 'USD'",
                          "3, 'psp_receivable:adyen', 0, 100, 'USD'");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("lines 1..n");
  }

  @Test
  void aPostingOnAnAccountOutsideTheChartIsRejected() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-account");
                      insertPostings(
                          c,
                          "je-attack-account",
                          "1, 'suspense', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 100, 'USD'");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("23503"))
        .withMessageContaining("not in the chart");
  }

  @Test
  void anEntryWithPostingsAndAnotherWithoutFailAtCommit() throws SQLException {
    List<String> statementsDone = new ArrayList<>();
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-posted");
                      insertEntry(c, ACME, "je-attack-bare");
                      insertPostings(
                          c,
                          "je-attack-posted",
                          "1, 'psp_fees', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 100, 'USD'");
                      statementsDone.add("all statements accepted");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("no postings");
    // Rejected by the deferred check at COMMIT, not by any statement before it.
    assertThat(statementsDone).containsExactly("all statements accepted");
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries"
                    + " where entry_id in ('je-attack-posted', 'je-attack-bare')"))
        .isZero();
    assertThat(ownerCount("select count(*) from ledger.transaction_entry_counts")).isZero();
  }

  @Test
  void theAppCannotTouchTheCommitCheckCounts() throws SQLException {
    for (String attack :
        List.of(
            "select count(*) from ledger.transaction_entry_counts",
            "insert into ledger.transaction_entry_counts values (pg_current_xact_id(), 0, 0)",
            "delete from ledger.transaction_entry_counts",
            "update ledger.transaction_entry_counts set entries_posted = entries",
            "select count(*) from ledger.transaction_entry_keys",
            "insert into ledger.transaction_entry_keys values (pg_current_xact_id(),"
                + " array['acme'], array['je-forged'], array[now()])",
            "delete from ledger.transaction_entry_keys")) {
      assertThatExceptionOfType(SQLException.class)
          .as(attack)
          .isThrownBy(() -> asApp(ACME, c -> exec(c, attack)))
          .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
  }

  @Test
  void anEntryWrittenInsideASavepointIsRejected() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      exec(c, "savepoint s1");
                      insertEntry(c, ACME, "je-attack-savepoint");
                      insertPostings(
                          c,
                          "je-attack-savepoint",
                          "1, 'psp_fees', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 100, 'USD'");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id = 'je-attack-savepoint'"))
        .isZero();
  }

  @Test
  void postingsRolledBackToASavepointLeaveTheirEntryWithoutPostings() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-rolled-back");
                      exec(c, "savepoint s1");
                      insertPostings(
                          c,
                          "je-attack-rolled-back",
                          "1, 'psp_fees', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 100, 'USD'");
                      exec(c, "rollback to savepoint s1");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("no postings");
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries"
                    + " where entry_id = 'je-attack-rolled-back'"))
        .isZero();
  }

  @Test
  void anEntryBalancedInEachOfTwoCurrenciesIsAcceptedAndLeavesNoCheckRows() throws SQLException {
    // The positive control for the per-currency balance: 100 USD and 5000 JPY, each balanced.
    asApp(
        ACME,
        c -> {
          insertEntry(c, ACME, "je-by-hand-fx");
          insertPostings(
              c,
              "je-by-hand-fx",
              "1, 'psp_fees', 100, 0, 'USD'",
              "2, 'psp_receivable:adyen', 0, 100, 'USD'",
              "3, 'psp_fees', 5000, 0, 'JPY'",
              "4, 'psp_receivable:adyen', 0, 5000, 'JPY'");
        });
    assertThat(ownerCount("select count(*) from ledger.postings where entry_id = 'je-by-hand-fx'"))
        .isEqualTo(4);
    assertThat(ownerCount("select count(*) from ledger.transaction_entry_counts")).isZero();
    assertThat(ownerCount("select count(*) from ledger.transaction_entry_keys")).isZero();
  }

  @Test
  void anEntryThatNetsToZeroOverTwoCurrenciesIsRejected() throws SQLException {
    // 100 USD debit against 60 USD + 40 EUR credit: the per-entry net is zero, USD is not.
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-net-zero");
                      insertPostings(
                          c,
                          "je-attack-net-zero",
                          "1, 'psp_fees', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 60, 'USD'",
                          "3, 'psp_receivable:adyen', 0, 40, 'EUR'");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("does not balance in");
  }

  @Test
  void balancingAcrossCurrenciesIsRejected() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      insertEntry(c, ACME, "je-attack-fx");
                      insertPostings(
                          c,
                          "je-attack-fx",
                          "1, 'psp_fees', 100, 0, 'USD'",
                          "2, 'psp_receivable:adyen', 0, 100, 'JPY'");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id = 'je-attack-fx'"))
        .isZero();
  }

  @Test
  void anEntryWithoutPostingsFailsAtCommit() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(() -> asApp(ACME, c -> insertEntry(c, ACME, "je-attack-empty")))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("no postings");
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id = 'je-attack-empty'"))
        .isZero();
  }

  @Test
  void aCommittedEntryTakesNoMorePostingsEvenBalancedOnes() throws SQLException {
    String entry = anyAcmeEntry();
    long before = ownerCount("select count(*) from ledger.postings");
    // Lines 1..2 of one statement would collide with the entry's own lines (primary key); fresh
    // line numbers are refused because the entry is not this transaction's.
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(() -> asApp(ACME, c -> insertBalancedPairAt(c, entry, 1)))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo("23505"));
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(() -> asApp(ACME, c -> insertBalancedPairAt(c, entry, 98)))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
    assertThat(ownerCount("select count(*) from ledger.postings")).isEqualTo(before);
  }

  /**
   * Two balanced postings, lines firstLine and firstLine + 1, on an existing entry, in one
   * statement.
   */
  private static void insertBalancedPairAt(Connection c, String entryId, int firstLine)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into ledger.postings (tenant_id, entry_id, booked_at, line_no, account,"
                + " debit_minor, credit_minor, currency) select e.tenant_id, e.entry_id,"
                + " e.booked_at, l.line_no, l.account, l.dr, l.cr, 'USD' from"
                + " ledger.journal_entries e, (values (?, 'psp_fees', 5, 0),"
                + " (?, 'psp_receivable:adyen', 0, 5)) l(line_no, account, dr, cr)"
                + " where e.entry_id = ?")) {
      s.setInt(1, firstLine);
      s.setInt(2, firstLine + 1);
      s.setString(3, entryId);
      assertThat(s.executeUpdate()).isEqualTo(2);
    }
  }

  @Test
  void aPostingOfAnEntryThatDoesNotExistIsRejected() throws SQLException {
    // No foreign key to journal_entries any more (V6): the postings statement trigger is the guard.
    long before = ownerCount("select count(*) from ledger.postings");
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c ->
                        insertPostings(
                            c,
                            "je-attack-orphan",
                            "1, 'psp_fees', 5, 0, 'USD'",
                            "2, 'psp_receivable:adyen', 0, 5, 'USD'")))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION))
        .withMessageContaining("not written in the transaction");
    assertThat(ownerCount("select count(*) from ledger.postings")).isEqualTo(before);
  }

  @Test
  void settingConstraintsImmediateMovesTheCheckEarlierButNeverSkipsIt() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    ACME,
                    c -> {
                      exec(c, "set constraints all immediate");
                      insertEntry(c, ACME, "je-attack-immediate");
                    }))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
    assertThat(
            ownerCount(
                "select count(*) from ledger.journal_entries where entry_id ="
                    + " 'je-attack-immediate'"))
        .isZero();
  }

  @Test
  void aBalancedEntryWrittenByHandIsAccepted() throws SQLException {
    // The positive control for the attacks above: the same statements, balanced, commit.
    asApp(
        ACME,
        c -> {
          insertEntry(c, ACME, "je-by-hand");
          insertPostings(
              c,
              "je-by-hand",
              "1, 'psp_fees', 100, 0, 'USD'",
              "2, 'psp_receivable:adyen', 0, 100, 'USD'");
        });
    assertThat(ownerCount("select count(*) from ledger.postings where entry_id = 'je-by-hand'"))
        .isEqualTo(2);
  }

  @Test
  void postingChecksHoldInTheDatabase() {
    for (String values :
        List.of(
            "1, 'psp_fees', -5, 0, 'USD'",
            "1, 'psp_fees', 5, 5, 'USD'",
            "1, 'psp_fees', 0, 0, 'USD'",
            "1, 'psp_fees', 5, 0, 'usd'",
            "0, 'psp_fees', 5, 0, 'USD'")) {
      assertThatExceptionOfType(SQLException.class)
          .as(values)
          .isThrownBy(
              () ->
                  asApp(
                      ACME,
                      c -> {
                        insertEntry(c, ACME, "je-attack-check");
                        exec(
                            c,
                            "insert into ledger.postings (tenant_id, entry_id, booked_at, line_no,"
                                + " account, debit_minor, credit_minor, currency) values ('acme',"
                                + " 'je-attack-check', '"
                                + BOOKED
                                + "', "
                                + values
                                + ")");
                      }))
          .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(CHECK_VIOLATION));
    }
  }

  @Test
  void theAppCannotCreatePartitionsByHandOnlyThroughEnsureMonth() throws SQLException {
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    null,
                    c ->
                        exec(
                            c,
                            "create table ledger.postings_y2025m01 partition of ledger.postings"
                                + " for values from ('2025-01-01 00:00:00+00') to"
                                + " ('2025-02-01 00:00:00+00')")))
        .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));

    asApp(null, c -> exec(c, "select ledger.ledger_ensure_month('2025-01-31 23:59:59+00')"));
    asApp(null, c -> exec(c, "select ledger.ledger_ensure_month('2025-01-01 00:00:00+00')"));
    assertThat(
            ownerCount(
                "select count(*) from pg_class c where c.relnamespace = 'ledger'::regnamespace"
                    + " and c.relname in ('journal_entries_y2025m01', 'postings_y2025m01')"
                    + " and c.relforcerowsecurity and c.relowner = 'postgres'::regrole"
                    + " and pg_get_expr(c.relpartbound, c.oid) ="
                    + " 'FOR VALUES FROM (''2025-01-01 00:00:00+00'') TO (''2025-02-01"
                    + " 00:00:00+00'')'"))
        .isEqualTo(2);
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () -> asApp(null, c -> exec(c, "select ledger.ledger_ensure_month('1999-12-31')")));
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () ->
                asApp(
                    null,
                    c -> exec(c, "select ledger.ledger_ensure_month(now() + interval '6 years')")));
  }

  @Test
  void aLoginOutsideTheAppRoleGetsNothing() throws SQLException {
    in(db.owner(), null, c -> exec(c, "create role outsider login password 'outsider-password-1'"));
    DataSource outsider = db.dataSource("outsider", "outsider-password-1");
    for (String attack :
        List.of(
            "select count(*) from ledger.postings",
            "select ledger.ledger_ensure_month(now())",
            "insert into ledger.accounts (tenant_id, account, account_type, normal_balance)"
                + " values ('acme', 'suspense', 'LIABILITY', 'CREDIT')")) {
      assertThatExceptionOfType(SQLException.class)
          .as(attack)
          .isThrownBy(() -> in(outsider, ACME, c -> exec(c, attack)))
          .satisfies(e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }
    // Even with usage on the schema, the partition maker is not for everyone.
    assertThat(
            ownerCount(
                "select count(*) from pg_proc p"
                    + " where p.oid = 'ledger.ledger_ensure_month(timestamptz)'::regprocedure"
                    + " and (has_function_privilege('outsider', p.oid, 'EXECUTE')"
                    + " or p.proacl is null"
                    + " or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0))"))
        .isZero();
  }

  @Test
  void provisioningNeverReusesAPrivilegedRoleAndRotatesPasswords() throws SQLException {
    assertThatThrownBy(
            () ->
                LedgerDatabase.provisionAppLogin(
                    db.owner(), "postgres", "long-enough-password".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                LedgerDatabase.provisionAppLogin(db.owner(), "second_login", "short".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                LedgerDatabase.provisionAppLogin(
                    db.owner(), "Robert\"; drop", "long-enough-password".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class);

    in(
        db.owner(),
        null,
        c -> {
          exec(c, "create role owns_a_table login");
          exec(c, "create table public.some_table (id int)");
          exec(c, "alter table public.some_table owner to owns_a_table");
        });
    assertThatThrownBy(
            () ->
                LedgerDatabase.provisionAppLogin(
                    db.owner(), "owns_a_table", "long-enough-password".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("owns objects");
    assertThat(
            ownerCount(
                "select count(*) from pg_auth_members where member = 'owns_a_table'::regrole"))
        .isZero();

    LedgerDatabase.provisionAppLogin(db.owner(), "second_login", "first-password-1".toCharArray());
    LedgerDatabase.provisionAppLogin(db.owner(), "second_login", "second-password-2".toCharArray());
    assertThatExceptionOfType(SQLException.class)
        .isThrownBy(
            () -> db.dataSource("second_login", "first-password-1").getConnection().close());
    in(
        db.dataSource("second_login", "second-password-2"),
        ACME,
        c -> assertThat(count(c, "select count(*) from ledger.journal_entries")).isPositive());
  }

  @Test
  void theWriterRefusesARoleThatBypassesRowLevelSecurity() {
    List<JournalEntry> entries =
        AdyenLikeCycle.entries(ACME, "X1", Instant.parse("2024-03-10T09:00:00Z"));
    assertThatThrownBy(() -> new LedgerWriter(db.owner()).write(entries))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row-level security");
    assertThatThrownBy(() -> new LedgerQueries(db.owner()).entryCount(ACME))
        .isInstanceOf(IllegalStateException.class);
  }
}
