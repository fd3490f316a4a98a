package dev.recon.ledger.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once under restart: the job fails once, after a completed checkpoint and before the next,
 * restarts from that checkpoint (replaying what the sink may already have written) and ends with a
 * ledger equal, row for row, to that of a run without the failure.
 */
class LedgerSinkRestartIT {

  private static final int ENTRIES = 4_000;
  private static final List<String> TENANTS = List.of("eo-acme", "eo-globex");
  private static final Instant FIRST = Instant.parse("2024-05-30T22:00:00Z");

  /** The job fails at the first entry at or past this index seen after a completed checkpoint. */
  private static final long FAIL_FROM = ENTRIES / 2;

  // The MiniCluster runs in this JVM: the operators reach the test through statics.
  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final AtomicBoolean ARMED = new AtomicBoolean();
  static final AtomicInteger CHECKPOINTS_BEFORE_FAILURE = new AtomicInteger();
  static final AtomicLong ENTRIES_WRITTEN_AT_FAILURE = new AtomicLong(-1);
  static volatile DataSource failingRunOwner;

  @TempDir static Path dir;
  static EmbeddedLedger failing;
  static EmbeddedLedger reference;

  @BeforeAll
  static void start() throws Exception {
    failing = EmbeddedLedger.start(dir.resolve("failing"));
    reference = EmbeddedLedger.start(dir.resolve("reference"));
    failingRunOwner = failing.owner();
  }

  @AfterAll
  static void stop() throws Exception {
    failing.close();
    reference.close();
  }

  /** Entry i of the stream: balanced, two tenants, booked across a month boundary. */
  static JournalEntry entry(long i) {
    long amount = 1 + (i * 7919) % 100_000;
    String currency = i % 3 == 0 ? "USD" : "EUR";
    return JournalEntry.newBuilder()
        .setTenantId(TENANTS.get((int) (i % TENANTS.size())))
        .setEntryId(String.format("je-eo-%06d", i))
        .setBookedAt(FIRST.plusSeconds(i * 17))
        .setSourceKind("MANUAL")
        .setSourceId("eo:" + i)
        .setDescription(i % 11 == 0 ? "entry " + i : null)
        .setPostings(
            List.of(
                new Posting("psp_receivable:adyen", amount, 0L, currency),
                new Posting("payments_clearing", 0L, amount, currency)))
        .build();
  }

  /** Paces the stream so that checkpoints complete during it; fails once when armed. */
  static final class FailOnce extends RichMapFunction<Long, JournalEntry>
      implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    private final boolean mayFail;

    FailOnce(boolean mayFail) {
      this.mayFail = mayFail;
    }

    @Override
    public JournalEntry map(Long i) throws Exception {
      Thread.sleep(1);
      if (mayFail && i >= FAIL_FROM && ARMED.get() && FAILED.compareAndSet(false, true)) {
        ENTRIES_WRITTEN_AT_FAILURE.set(count(failingRunOwner, "ledger.journal_entries"));
        throw new IllegalStateException("planned failure at entry " + i);
      }
      return entry(i);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (mayFail && !FAILED.get()) {
        CHECKPOINTS_BEFORE_FAILURE.incrementAndGet();
        ARMED.set(true);
      }
    }
  }

  private static void runJob(EmbeddedLedger db, boolean mayFail) throws Exception {
    Configuration conf = new Configuration();
    if (mayFail) {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
      conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    } else {
      conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    }
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
    env.enableCheckpointing(200);
    env.fromSequence(0, ENTRIES - 1)
        .map(new FailOnce(mayFail))
        .returns(new AvroTypeInfo<>(JournalEntry.class))
        .rebalance()
        .sinkTo(new LedgerSink(db.appSpec()))
        .name("ledger");
    env.execute("ledger-sink-restart-it");
  }

  @Test
  @Timeout(300)
  void aJobFailingBetweenCheckpointsEndsWithTheLedgerOfARunWithoutFailure() throws Exception {
    runJob(reference, false);
    runJob(failing, true);

    assertThat(FAILED).isTrue();
    assertThat(CHECKPOINTS_BEFORE_FAILURE.get()).isPositive();
    // The restart replays into a ledger that already holds part of the stream.
    assertThat(ENTRIES_WRITTEN_AT_FAILURE.get()).isPositive().isLessThan(ENTRIES);

    List<List<Object>> entries = rows(reference.owner(), ENTRIES_QUERY);
    List<List<Object>> postings = rows(reference.owner(), POSTINGS_QUERY);
    assertThat(entries).hasSize(ENTRIES);
    assertThat(postings).hasSize(2 * ENTRIES);
    assertThat(rows(failing.owner(), ENTRIES_QUERY)).isEqualTo(entries);
    assertThat(rows(failing.owner(), POSTINGS_QUERY)).isEqualTo(postings);
    assertThat(rows(failing.owner(), DAILY_QUERY)).isEqualTo(rows(reference.owner(), DAILY_QUERY));
  }

  private static final String ENTRIES_QUERY =
      "select tenant_id, entry_id, booked_at, source_kind, source_id, description"
          + " from ledger.journal_entries order by tenant_id, entry_id, booked_at";
  private static final String POSTINGS_QUERY =
      "select tenant_id, entry_id, booked_at, line_no, account, debit_minor, credit_minor,"
          + " currency from ledger.postings order by tenant_id, entry_id, booked_at, line_no";
  private static final String DAILY_QUERY =
      "select tenant_id, account, currency, day, debit_minor, credit_minor"
          + " from ledger.daily_balances order by tenant_id, account, currency, day";

  static long count(DataSource owner, String table) throws SQLException {
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Read as the superuser, which sees every tenant. */
  private static List<List<Object>> rows(DataSource owner, String query) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = owner.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
