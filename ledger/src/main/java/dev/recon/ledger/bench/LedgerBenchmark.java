package dev.recon.ledger.bench;

import dev.recon.ledger.db.LedgerWriter;
import dev.recon.ledger.db.WriteResult;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * {@code recon bench ledger}: writes balanced two-posting entries through the real {@link
 * LedgerWriter} (application login, row-level security, triggers, constraints), then copies the
 * same posting rows with a raw COPY into a bare table in the same database. The ratio between the
 * two is the price of the ledger's guarantees on this machine.
 *
 * <p>Cleaning up: the bare table lives in its own schema, dropped at the end. The ledger is
 * append-only even for its owner, so the bench tenants' rows stay; every run uses fresh tenants
 * ({@code bench-<run>-a}, {@code bench-<run>-b}) so it never collides with real data or an earlier
 * run. Run it against a throw-away database when that matters.
 */
public final class LedgerBenchmark {

  public static final int DEFAULT_POSTINGS = 1_000_000;
  public static final int MIN_POSTINGS = 2;

  /** The upper bound on what one run may write. */
  public static final int MAX_POSTINGS = 50_000_000;

  /** Entries per {@link LedgerWriter#write} call, split over the tenants. */
  public static final int ENTRIES_PER_WRITE = 50_000;

  /** Schema of the bare comparison table; dropped after the run. */
  public static final String RAW_SCHEMA = "ledger_bench";

  static final int TENANTS = 2;
  static final int MONTHS = 3;
  static final String CURRENCY = "EUR";
  static final String DEBIT_ACCOUNT = "psp_receivable:benchpsp";
  static final String CREDIT_ACCOUNT = "payments_clearing";
  static final Instant FIRST_BOOKING = Instant.parse("2021-01-01T00:00:00Z");

  /** Spreads entries over {@link #MONTHS} months (Jan-Mar 2021) in one-second steps. */
  private static final long SECONDS_SPREAD = 89L * 24 * 3600;

  private LedgerBenchmark() {}

  /**
   * @param owner connects as the schema owner: creates and drops the bare table, counts the rows
   * @param app connects as a login of the application role: the ledger writes
   * @param postings how many postings to write each way (even; {@value #DEFAULT_POSTINGS} by
   *     default in the command line)
   * @param out progress and results, one line each
   */
  public static BenchResult run(DataSource owner, DataSource app, int postings, PrintWriter out) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(out, "out");
    if (postings < MIN_POSTINGS || postings > MAX_POSTINGS || postings % 2 != 0) {
      throw new IllegalArgumentException(
          "postings must be even and within " + MIN_POSTINGS + ".." + MAX_POSTINGS);
    }
    String run = Long.toString(System.currentTimeMillis(), 36);
    List<String> tenants = new ArrayList<>();
    for (int t = 0; t < TENANTS; t++) {
      tenants.add("bench-" + run + "-" + (char) ('a' + t));
    }
    int entries = postings / 2;
    out.printf(
        Locale.ROOT,
        "ledger bench: %d postings (%d entries) over tenants %s, %d months%n",
        postings,
        entries,
        tenants,
        MONTHS);
    out.flush();

    LedgerWriter writer = new LedgerWriter(app);
    long written = 0;
    long start = System.nanoTime();
    // The next batch is built while the current one is written, as a sink's input arrives while it
    // writes: the figure is the ledger's, not the generator's.
    ExecutorService generator =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ledger-bench-generator");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<List<JournalEntry>> next = generator.submit(() -> batch(tenants, 0, entries));
      for (int from = 0; from < entries; from += ENTRIES_PER_WRITE) {
        List<JournalEntry> batch = next.get();
        int following = from + ENTRIES_PER_WRITE;
        if (following < entries) {
          next = generator.submit(() -> batch(tenants, following, entries));
        }
        WriteResult result = writer.write(batch);
        written += result.postingsInserted();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ledger bench interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("ledger bench could not build its entries", e.getCause());
    } finally {
      generator.shutdownNow();
    }
    long ledgerNanos = System.nanoTime() - start;

    long counted;
    long copied;
    long rawNanos;
    try {
      counted = countPostings(owner, tenants);
      try (Connection c = owner.getConnection()) {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute("drop schema if exists " + RAW_SCHEMA + " cascade");
          s.execute("create schema " + RAW_SCHEMA);
          s.execute(
              "create table "
                  + RAW_SCHEMA
                  + ".raw_postings (tenant_id varchar(64), entry_id varchar(64),"
                  + " booked_at timestamptz, line_no integer, account varchar(200),"
                  + " debit_minor bigint, credit_minor bigint, currency char(3))");
        }
        try {
          c.setAutoCommit(false);
          start = System.nanoTime();
          copied = rawCopy(c, tenants, entries);
          c.commit();
          rawNanos = System.nanoTime() - start;
        } finally {
          c.setAutoCommit(true);
          try (Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + RAW_SCHEMA + " cascade");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ledger bench failed: " + e.getMessage(), e);
    }
    BenchResult result =
        new BenchResult(postings, written, counted, copied, ledgerNanos, rawNanos, tenants);
    out.printf(
        Locale.ROOT,
        "ledger writer: %d postings in %.2f s = %.0f postings/s%n",
        written,
        ledgerNanos / 1e9,
        result.ledgerPostingsPerSecond());
    out.printf(
        Locale.ROOT,
        "raw COPY (no constraints, indexes, partitions): %d rows in %.2f s = %.0f postings/s%n",
        copied,
        rawNanos / 1e9,
        result.rawPostingsPerSecond());
    out.printf(
        Locale.ROOT,
        "raw/ledger ratio: %.2f; the bench tenants' ledger rows stay (append-only)%n",
        result.rawToLedgerRatio());
    out.flush();
    return result;
  }

  /** Entries {@code from} up to {@value #ENTRIES_PER_WRITE} later (at most {@code entries}). */
  private static List<JournalEntry> batch(List<String> tenants, int from, int entries) {
    int to = Math.min(entries, from + ENTRIES_PER_WRITE);
    List<JournalEntry> batch = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      batch.add(entry(tenants, i));
    }
    return batch;
  }

  /** Entry {@code i}: 2 postings, tenants alternating, booking times spread over the months. */
  static JournalEntry entry(List<String> tenants, int i) {
    long amount = 100 + (i % 100_000);
    Instant bookedAt = FIRST_BOOKING.plus(bookingOffsetSeconds(i), ChronoUnit.SECONDS);
    return JournalEntry.newBuilder()
        .setTenantId(tenants.get(i % tenants.size()))
        .setEntryId(entryId(i))
        .setBookedAt(bookedAt)
        .setSourceKind("BENCH")
        .setSourceId("bench:" + i)
        .setDescription(null)
        .setPostings(
            List.of(
                new Posting(DEBIT_ACCOUNT, amount, 0L, CURRENCY),
                new Posting(CREDIT_ACCOUNT, 0L, amount, CURRENCY)))
        .build();
  }

  private static long bookingOffsetSeconds(int i) {
    return (i * 7919L) % SECONDS_SPREAD;
  }

  private static String entryId(int i) {
    return String.format(Locale.ROOT, "je-bench-%010d", i);
  }

  private static long rawCopy(Connection c, List<String> tenants, int entries) throws SQLException {
    PGCopyOutputStream stream =
        new PGCopyOutputStream(
            c.unwrap(PGConnection.class),
            "copy " + RAW_SCHEMA + ".raw_postings from stdin",
            1 << 16);
    long rows;
    // Not closed: closing would flush into the finished COPY; endCopy ends it, cancelCopy on error.
    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    try {
      for (int i = 0; i < entries; i++) {
        JournalEntry e = entry(tenants, i);
        int line = 0;
        for (Posting p : e.getPostings()) {
          w.write(e.getTenantId());
          w.write('\t');
          w.write(e.getEntryId());
          w.write('\t');
          w.write(e.getBookedAt().toString());
          w.write('\t');
          w.write(Integer.toString(++line));
          w.write('\t');
          w.write(p.getAccount());
          w.write('\t');
          w.write(Long.toString(p.getDebitMinor()));
          w.write('\t');
          w.write(Long.toString(p.getCreditMinor()));
          w.write('\t');
          w.write(p.getCurrency());
          w.write('\n');
        }
      }
      w.flush();
      rows = stream.endCopy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (stream.isActive()) {
        stream.cancelCopy();
      }
    }
    return rows;
  }

  private static long countPostings(DataSource owner, List<String> tenants) throws SQLException {
    try (Connection c = owner.getConnection();
        PreparedStatement s =
            c.prepareStatement("select count(*) from ledger.postings where tenant_id = any (?)")) {
      s.setArray(1, c.createArrayOf("varchar", tenants.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
