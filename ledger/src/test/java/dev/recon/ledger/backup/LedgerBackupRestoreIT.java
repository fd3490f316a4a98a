package dev.recon.ledger.backup;

import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ledger.backup.Difference.Check;
import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.LedgerWriter;
import dev.recon.ledger.db.WriteResult;
import dev.recon.ledger.posting.AdyenLikeCycle;
import dev.recon.ledger.posting.MatchFixtures;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.MatchLevel;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A ledger of two tenants over three months, with a reversal and a second schema whose tables
 * reference each other, backed up and restored into fresh PostgreSQL servers.
 */
@Timeout(180)
class LedgerBackupRestoreIT {

  private static final String ACME = "t-acme";
  private static final String GLOBEX = "t-globex";
  private static final String NOTES = "notes";
  private static final String APP_LOGIN = "recon_restore_it";
  private static final String APP_PASSWORD = "restore-it-password-1";

  /** The other schema's "migrations": topics before comments (a foreign key), a sequence. */
  private static final Consumer<DataSource> NOTES_MIGRATION =
      ds ->
          sql(
              ds,
              "create schema if not exists notes",
              "create table if not exists notes.topics (id bigserial primary key,"
                  + " tenant_id varchar(64) not null, title text not null)",
              "create table if not exists notes.comments (topic_id bigint not null references"
                  + " notes.topics (id), seq int not null, body text, primary key (topic_id, seq))");

  @TempDir static Path dir;
  static EmbeddedLedger source;
  static List<JournalEntry> booked = new ArrayList<>();
  static BackupManifest manifest;
  static Path backup;

  /** Shared by the refusal tests: each must leave it without a row of the backup. */
  static EmbeddedPostgres scratch;

  @BeforeAll
  static void bookAndBackUp() throws Exception {
    source = EmbeddedLedger.start(dir.resolve("source"));
    LedgerWriter writer = new LedgerWriter(source.app());
    // Captured at the end of May: settlement and cash fall into June.
    booked.addAll(AdyenLikeCycle.entries(ACME, "B1", Instant.parse("2024-05-31T22:00:00Z")));
    booked.addAll(AdyenLikeCycle.entries(GLOBEX, "B1", Instant.parse("2024-06-10T08:00:00Z")));
    booked.addAll(
        PostingRules.entriesFor(
            match(
                GLOBEX,
                "L1:c1",
                MatchLevel.L1,
                Instant.parse("2024-06-11T08:00:00Z"),
                expected("ord-c1", 700, "EUR"),
                pspTxn("c1", "CAPTURE", 700, 0, "EUR", "adyen"))));
    writer.write(booked);
    List<JournalEntry> reversal =
        PostingRules.entriesFor(
            MatchFixtures.unmatch(GLOBEX, "m-d1", Instant.parse("2024-07-02T09:00:00Z"), "L1:c1"));
    assertThat(writer.write(reversal).entriesInserted()).isEqualTo(1);
    booked.addAll(reversal);

    NOTES_MIGRATION.accept(source.owner());
    sql(
        source.owner(),
        "insert into notes.topics (tenant_id, title) values ('t-acme', 'a, \"quoted\"\ntitle'),"
            + " ('t-globex', 'b')",
        "insert into notes.comments values (1, 1, null), (1, 2, 'x'), (2, 1, 'y')");

    backup = dir.resolve("backup");
    BackupOutcome outcome =
        LedgerBackup.write(source.owner(), backup, List.of(NOTES), BackupLimits.standard());
    assertThat(outcome).isInstanceOf(BackupOutcome.Written.class);
    manifest = ((BackupOutcome.Written) outcome).manifest();
    scratch = start("scratch");
  }

  @AfterAll
  static void stop() throws Exception {
    try (EmbeddedLedger s = source) {
      scratch.close();
    }
  }

  @Test
  void theManifestHoldsEveryTableOnceAndTheFiguresOfTheSnapshot() throws Exception {
    assertThat(manifest.tables())
        .extracting(BackupTable::qualifiedName)
        .containsExactlyInAnyOrder(
            "ledger.accounts",
            "ledger.journal_entries",
            "ledger.postings",
            "ledger.daily_balances",
            "ledger.reversed_sources",
            "ledger.archived_months",
            "notes.topics",
            "notes.comments");
    // The reversal's postings are made by the writer from what it reverses: count them there.
    long postings = count(source.owner(), "select count(*) from ledger.postings");
    assertThat(postings).isGreaterThan(booked.stream().mapToInt(e -> e.getPostings().size()).sum());
    assertThat(manifest.table("ledger", "journal_entries").orElseThrow().rows())
        .isEqualTo(booked.size());
    assertThat(manifest.table("ledger", "postings").orElseThrow().rows()).isEqualTo(postings);
    assertThat(manifest.ledger().entries()).isEqualTo(booked.size());
    assertThat(manifest.ledger().postings()).isEqualTo(postings);
    assertThat(manifest.ledger().tenants())
        .extracting(TenantFigures::tenantId)
        .containsExactly(ACME, GLOBEX);
    assertThat(manifest.schemaVersions())
        .extracting(SchemaVersion::schema)
        .containsExactly("ledger");
    assertThat(manifest.postgresVersionNum()).isGreaterThanOrEqualTo(170000);
    assertThat(manifest.sequences()).containsExactly(new SequenceValue(NOTES, "topics_id_seq", 2L));
    // The figures equal those the owner takes now (nothing was written since).
    LedgerFigures now = LedgerBackup.figures(source.owner());
    assertThat(now.tenants()).isEqualTo(manifest.ledger().tenants());
    // The manifest reads back as written.
    assertThat(BackupManifest.read(backup).manifest()).isEqualTo(manifest);
    // Files are CSV with a header, in key order.
    String postingsCsv = gunzip(backup.resolve("ledger.postings.csv.gz"));
    assertThat(postingsCsv).startsWith("tenant_id,entry_id,booked_at,line_no,account,");
  }

  @Test
  void aFreshServerGetsTheLedgerBackAndTheApplicationSeesItBalanced() throws Exception {
    try (EmbeddedPostgres target = blank("fresh")) {
      DataSource owner = target.getPostgresDatabase();
      RestoreOutcome outcome =
          LedgerRestore.restore(owner, backup, List.of(NOTES_MIGRATION), BackupLimits.standard());
      assertThat(outcome).isInstanceOf(RestoreOutcome.Restored.class);

      DataSource app = provisionApp(target);
      VerificationReport report = RestoreVerification.verify(app, manifest.ledger());
      assertThat(report.differences()).isEmpty();
      assertThat(report.tenantsChecked()).isEqualTo(2);
      assertThat(new LedgerQueries(app).entryCount(GLOBEX))
          .isEqualTo(booked.stream().filter(e -> e.getTenantId().equals(GLOBEX)).count());

      // Every table, the months' partitions, the other schema and its sequence included.
      assertThat(monthPartitions(owner)).isEqualTo(3);
      assertThat(count(owner, "select count(*) from ledger.reversed_sources")).isEqualTo(1);
      assertThat(count(owner, "select count(*) from notes.comments")).isEqualTo(3);
      assertThat(count(owner, "select nextval('notes.topics_id_seq')")).isEqualTo(3);
      assertThat(text(owner, "select title from notes.topics where id = 1"))
          .isEqualTo("a, \"quoted\"\ntitle");

      // The append-only triggers are active: the owner cannot change a posting.
      assertThatThrownBy(() -> sql(owner, "update ledger.postings set debit_minor = debit_minor"))
          .hasMessageContaining("append-only");
      // And the writer finds everything booked: a replay writes nothing twice.
      // The restored reversal register knows the reversal.
      WriteResult replay = new LedgerWriter(app).write(booked);
      assertThat(replay.entriesInserted()).isZero();
      assertThat(replay.postingsInserted()).isZero();
      assertThat(replay.alreadyReversed()).isEqualTo(1);
      // A backup of the restored ledger has the same figures.
      assertThat(LedgerBackup.figures(owner).tenants()).isEqualTo(manifest.ledger().tenants());
    }
  }

  @Test
  void aChangedFileIsRefusedByItsDigestBeforeAnythingIsWritten() throws Exception {
    Path copy = copyOf(backup, "tampered");
    Path postings = copy.resolve("ledger.postings.csv.gz");
    String csv = gunzip(postings);
    gzip(postings, csv.replaceFirst(",EUR", ",USD"));
    {
      DataSource owner = scratch.getPostgresDatabase();
      RestoreOutcome outcome = LedgerRestore.restore(owner, copy);
      assertThat(outcome)
          .isInstanceOfSatisfying(
              RestoreOutcome.Refused.class,
              r -> {
                assertThat(r.reason()).isEqualTo(RestoreOutcome.Reason.CHECKSUM_MISMATCH);
                assertThat(r.detail()).contains("ledger.postings.csv.gz");
              });
      assertThat(monthPartitions(owner)).isZero();
    }
  }

  @Test
  void anUnbalancedEntryIsRefusedByTheLedgersOwnTriggersEvenWithAMatchingManifest()
      throws Exception {
    Path copy = copyOf(backup, "rehashed");
    Path postings = copy.resolve("ledger.postings.csv.gz");
    List<String> lines = new ArrayList<>(gunzip(postings).lines().toList());
    String[] first = lines.get(1).split(",");
    long debit = Long.parseLong(first[5]);
    long credit = Long.parseLong(first[6]);
    if (debit > 0) {
      first[5] = Long.toString(debit + 1);
    } else {
      first[6] = Long.toString(credit + 1);
    }
    lines.set(1, String.join(",", first));
    gzip(postings, String.join("\n", lines) + "\n");
    rewriteManifestDigest(copy, "postings");
    try (EmbeddedPostgres target = blank("rehashed")) {
      RestoreOutcome outcome =
          LedgerRestore.restore(
              target.getPostgresDatabase(),
              copy,
              List.of(NOTES_MIGRATION),
              BackupLimits.standard());
      assertThat(outcome)
          .isInstanceOfSatisfying(
              RestoreOutcome.Refused.class,
              r -> {
                assertThat(r.reason()).isEqualTo(RestoreOutcome.Reason.INTEGRITY_CHECK_REFUSED);
                assertThat(r.detail()).contains("does not balance").contains(first[1]);
              });
      assertThat(monthPartitions(scratch.getPostgresDatabase())).isZero();
    }
  }

  @Test
  void aTargetHoldingRowsIsRefused() {
    RestoreOutcome outcome = LedgerRestore.restore(source.owner(), backup);
    assertThat(outcome)
        .isInstanceOfSatisfying(
            RestoreOutcome.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(RestoreOutcome.Reason.TARGET_NOT_EMPTY));
  }

  @Test
  void aBackupOfANewerSchemaVersionIsRefused() throws Exception {
    Path copy = copyOf(backup, "newer");
    BackupManifest newer =
        new BackupManifest(
            manifest.format(),
            manifest.snapshotAt(),
            manifest.postgresVersion(),
            manifest.postgresVersionNum(),
            manifest.copyFormat(),
            List.of(new SchemaVersion("ledger", "flyway_schema_history", "999")),
            manifest.tables(),
            manifest.sequences(),
            manifest.ledger());
    Files.writeString(copy.resolve(BackupManifest.FILE_NAME), newer.toJson());
    try (EmbeddedPostgres target = blank("newer")) {
      RestoreOutcome outcome =
          LedgerRestore.restore(
              target.getPostgresDatabase(),
              copy,
              List.of(NOTES_MIGRATION),
              BackupLimits.standard());
      assertThat(outcome)
          .isInstanceOfSatisfying(
              RestoreOutcome.Refused.class,
              r -> assertThat(r.reason()).isEqualTo(RestoreOutcome.Reason.SCHEMA_NEWER_THAN_CODE));
      assertThat(monthPartitions(scratch.getPostgresDatabase())).isZero();
    }
  }

  @Test
  void limitsAndAnOccupiedFolderAreRefused() throws Exception {
    assertThat(LedgerBackup.write(source.owner(), backup, List.of(), BackupLimits.standard()))
        .isInstanceOfSatisfying(
            BackupOutcome.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(BackupOutcome.Reason.DIRECTORY_NOT_EMPTY));
    Path small = dir.resolve("small");
    assertThat(LedgerBackup.write(source.owner(), small, List.of(), new BackupLimits(1 << 20, 3)))
        .isInstanceOfSatisfying(
            BackupOutcome.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(BackupOutcome.Reason.TOO_MANY_ROWS));
    assertThat(LedgerBackup.write(source.owner(), small, List.of(), new BackupLimits(200, 1000)))
        .isInstanceOfSatisfying(
            BackupOutcome.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(BackupOutcome.Reason.TOO_LARGE));
    try (Stream<Path> left = Files.list(small)) {
      assertThat(left).isEmpty();
    }
    assertThat(
            LedgerRestore.restore(source.owner(), backup, List.of(), new BackupLimits(1 << 30, 3)))
        .isInstanceOfSatisfying(
            RestoreOutcome.Refused.class,
            r -> assertThat(r.reason()).isEqualTo(RestoreOutcome.Reason.OVER_LIMITS));
    assertThat(
            LedgerBackup.write(
                source.app(), dir.resolve("as-app"), List.of(), BackupLimits.standard()))
        .isInstanceOfSatisfying(
            BackupOutcome.Refused.class,
            r ->
                assertThat(r.reason())
                    .isEqualTo(BackupOutcome.Reason.ROLE_SUBJECT_TO_ROW_SECURITY));
  }

  @Test
  void aPostingChangedAfterTheRestoreIsNamedByTheVerification() throws Exception {
    try (EmbeddedPostgres target = blank("changed")) {
      DataSource owner = target.getPostgresDatabase();
      assertThat(
              LedgerRestore.restore(
                  owner, backup, List.of(NOTES_MIGRATION), BackupLimits.standard()))
          .isInstanceOf(RestoreOutcome.Restored.class);
      JournalEntry entry = booked.get(0);
      String account = entry.getPostings().get(0).getAccount();
      String currency = entry.getPostings().get(0).getCurrency();
      // Only the owner can, and only by switching the triggers off for its session.
      try (Connection c = owner.getConnection();
          Statement s = c.createStatement()) {
        s.execute("set session_replication_role = replica");
        assertThat(
                s.executeUpdate(
                    "update ledger.postings set debit_minor = debit_minor + 5,"
                        + " credit_minor = credit_minor + case when debit_minor = 0 then 5"
                        + " else 0 end where tenant_id = '"
                        + entry.getTenantId()
                        + "' and entry_id = '"
                        + entry.getEntryId()
                        + "' and line_no = 1"))
            .isEqualTo(1);
      }
      VerificationReport report =
          RestoreVerification.verify(
              provisionApp(target),
              manifest.ledger(),
              figures -> List.of(new Difference(null, Check.EXTRA, "audit chain", "ok", "ok?")));
      assertThat(report.matches()).isFalse();
      assertThat(report.differences())
          .contains(
              new Difference(
                  entry.getTenantId(),
                  Check.UNBALANCED_ENTRY,
                  entry.getEntryId(),
                  "balanced",
                  "unbalanced"))
          .anySatisfy(
              d -> {
                assertThat(d.check()).isEqualTo(Check.TRIAL_BALANCE);
                assertThat(d.subject()).isEqualTo(account + " " + currency);
              })
          .anySatisfy(d -> assertThat(d.check()).isEqualTo(Check.POSTINGS_DIGEST))
          .anySatisfy(d -> assertThat(d.check()).isEqualTo(Check.EXTRA))
          .allSatisfy(d -> assertThat(d.tenantId()).isIn(entry.getTenantId(), null));
    }
  }

  // --- fixtures ---

  private static EmbeddedPostgres blank(String name) throws Exception {
    return start(name);
  }

  private static EmbeddedPostgres start(String name) throws Exception {
    return EmbeddedPostgres.builder()
        .setDataDirectory(dir.resolve("pg-" + name))
        .setCleanDataDirectory(true)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .start();
  }

  /** Month partitions exist only once a restore transaction committed. */
  private static long monthPartitions(DataSource owner) throws SQLException {
    return count(
        owner,
        "select count(*) from pg_catalog.pg_tables where schemaname = 'ledger'"
            + " and tablename like 'postings\\_y%'");
  }

  private static DataSource provisionApp(EmbeddedPostgres target) {
    LedgerDatabase.provisionAppLogin(
        target.getPostgresDatabase(), APP_LOGIN, APP_PASSWORD.toCharArray());
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://127.0.0.1:" + target.getPort() + "/postgres");
    ds.setUser(APP_LOGIN);
    ds.setPassword(APP_PASSWORD);
    return ds;
  }

  private static Path copyOf(Path from, String name) throws Exception {
    Path to = dir.resolve(name);
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  /** Puts the changed file's size and digest into the manifest, as a careful forger would. */
  private static void rewriteManifestDigest(Path backupDir, String table) throws Exception {
    List<BackupTable> tables = new ArrayList<>();
    for (BackupTable t : manifest.tables()) {
      if (t.schema().equals("ledger") && t.table().equals(table)) {
        Path f = backupDir.resolve(t.file());
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String hex = java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f)));
        t =
            new BackupTable(
                t.schema(), t.table(), t.file(), t.columns(), t.rows(), Files.size(f), hex);
      }
      tables.add(t);
    }
    BackupManifest forged =
        new BackupManifest(
            manifest.format(),
            manifest.snapshotAt(),
            manifest.postgresVersion(),
            manifest.postgresVersionNum(),
            manifest.copyFormat(),
            manifest.schemaVersions(),
            tables,
            List.of(),
            manifest.ledger());
    Files.writeString(backupDir.resolve(BackupManifest.FILE_NAME), forged.toJson());
  }

  private static String gunzip(Path file) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static void gzip(Path file, String text) throws Exception {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void sql(DataSource ds, String... statements) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static long count(DataSource ds, String query) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String text(DataSource ds, String query) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
