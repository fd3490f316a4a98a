package dev.recon.ledger.bench;

import dev.recon.ledger.db.CopyText;
import dev.recon.ledger.db.HeldConnections;
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
import java.util.Arrays;
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

  /**
   * Connections on each side: the ledger writer's tenants in parallel, and as many for the raw
   * COPY, so that the ratio compares the same parallelism.
   */
  static final int CONNECTIONS = Math.min(TENANTS, LedgerWriter.TENANT_PARALLELISM);

  static final int MONTHS = 3;
  static final String CURRENCY = "EUR";
  static final String DEBIT_ACCOUNT = "psp_receivable:benchpsp";
  static final String CREDIT_ACCOUNT = "payments_clearing";
  static final String ENTRY_ID_PREFIX = "je-bench-";
  static final int ENTRY_ID_DIGITS = 10;
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

    // The writer's connections are kept open across its transactions, as a long-running sink
    // would keep its own; the raw COPY's connections are opened before its clock starts.
    HeldConnections held = new HeldConnections(app, CONNECTIONS);
    LedgerWriter writer = new LedgerWriter(held);
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
      closeQuietly(held);
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
          long[] raw = rawCopy(owner, tenants, entries);
          copied = raw[0];
          rawNanos = raw[1];
        } finally {
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
        "ledger writer (%d connections): %d postings in %.2f s = %.0f postings/s%n",
        CONNECTIONS,
        written,
        ledgerNanos / 1e9,
        result.ledgerPostingsPerSecond());
    out.printf(
        Locale.ROOT,
        "raw COPY (%d connections; no constraints, indexes, partitions): %d rows in %.2f s ="
            + " %.0f postings/s%n",
        CONNECTIONS,
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

  /**
   * {@code je-bench-} and {@code i} zero-padded to 10 digits (String.format cost more than a row).
   */
  static String entryId(int i) {
    if (i < 0) {
      throw new IllegalArgumentException("entry number must not be negative: " + i);
    }
    char[] id =
        Arrays.copyOf(ENTRY_ID_PREFIX.toCharArray(), ENTRY_ID_PREFIX.length() + ENTRY_ID_DIGITS);
    int n = i;
    for (int at = id.length - 1; at >= ENTRY_ID_PREFIX.length(); at--) {
      id[at] = (char) ('0' + n % 10);
      n /= 10;
    }
    return new String(id);
  }

  /**
   * Copies the posting rows of every entry, on {@value #CONNECTIONS} connections at once (one per
   * tenant, as the ledger writer), each in one transaction; the clock runs from the first row to
   * the last commit, row generation included.
   *
   * @return rows copied and nanoseconds taken
   */
  private static long[] rawCopy(DataSource owner, List<String> tenants, int entries)
      throws SQLException {
    List<Connection> connections = new ArrayList<>();
    ExecutorService copiers =
        Executors.newFixedThreadPool(
            CONNECTIONS,
            r -> {
              Thread t = new Thread(r, "ledger-bench-raw-copy");
              t.setDaemon(true);
              return t;
            });
    try {
      for (int k = 0; k < CONNECTIONS; k++) {
        Connection c = owner.getConnection();
        connections.add(c);
        c.setAutoCommit(false);
      }
      long start = System.nanoTime();
      List<Future<Long>> parts = new ArrayList<>();
      for (int k = 0; k < CONNECTIONS; k++) {
        Connection c = connections.get(k);
        int part = k;
        parts.add(
            copiers.submit(
                () -> {
                  long rows = rawCopyPart(c, tenants, entries, part);
                  c.commit();
                  return rows;
                }));
      }
      long rows = 0;
      for (Future<Long> part : parts) {
        rows += part.get();
      }
      return new long[] {rows, System.nanoTime() - start};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("ledger bench interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "raw COPY failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      copiers.shutdownNow();
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  /** The rows of entries {@code part}, {@code part + CONNECTIONS}, ...: one tenant's when equal. */
  private static long rawCopyPart(Connection c, List<String> tenants, int entries, int part)
      throws SQLException {
    PGCopyOutputStream stream =
        new PGCopyOutputStream(
            c.unwrap(PGConnection.class),
            "copy " + RAW_SCHEMA + ".raw_postings from stdin",
            1 << 16);
    long rows;
    // Not closed: closing would flush into the finished COPY; endCopy ends it, cancelCopy on error.
    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    CopyText row = new CopyText(w);
    try {
      for (int i = part; i < entries; i += CONNECTIONS) {
        JournalEntry e = entry(tenants, i);
        int line = 0;
        for (Posting p : e.getPostings()) {
          // The ledger's own COPY text writer, so both sides spend the same on formatting.
          row.text(e.getTenantId())
              .text(e.getEntryId())
              .instant(e.getBookedAt())
              .number(++line)
              .text(p.getAccount())
              .number(p.getDebitMinor())
              .number(p.getCreditMinor())
              .text(p.getCurrency())
              .endRow();
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

  private static void closeQuietly(HeldConnections held) {
    try {
      held.close();
    } catch (SQLException e) {
      // The idle connections are the server's to reap; the figures stand.
    }
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
