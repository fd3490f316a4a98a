package dev.recon.ledger.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ledger.db.EmbeddedLedger;
import dev.recon.ledger.db.LedgerQueries;
import dev.recon.ledger.db.TrialBalanceLine;
import dev.recon.ledger.posting.AdyenLikeCycle;
import dev.recon.ledger.posting.MatchFixtures;
import dev.recon.ledger.posting.PostingRules;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.MatchLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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

class LedgerSinkIT {

  private static final List<String> TENANTS = List.of("sink-acme", "sink-globex");
  private static final int CYCLES_PER_TENANT = 12;

  /**
   * Enough single-capture entries (each sent twice) that both writers fill their buffer before the
   * end of input, so writes triggered by the bound happen as well as those at flush.
   */
  private static final int CAPTURES = LedgerSink.MAX_BUFFERED_ENTRIES + 250;

  @TempDir static Path dir;
  static EmbeddedLedger db;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"));
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @Test
  @Timeout(300)
  void parallelWritersBookBalancedEntriesAndAReplayedStreamAddsNothing() throws Exception {
    List<JournalEntry> entries = new ArrayList<>();
    Instant start = Instant.parse("2024-09-25T08:00:00Z");
    for (String tenant : TENANTS) {
      for (int i = 0; i < CYCLES_PER_TENANT; i++) {
        // Cycles spread over two months and settle across the month boundary.
        entries.addAll(AdyenLikeCycle.entries(tenant, "S" + i, start.plus(i, ChronoUnit.DAYS)));
      }
    }
    for (int i = 0; i < CAPTURES; i++) {
      entries.addAll(
          PostingRules.entriesFor(
              MatchFixtures.match(
                  TENANTS.get(i % 2),
                  "L1:cap-" + i,
                  MatchLevel.L1,
                  start.plus(i, ChronoUnit.MINUTES),
                  MatchFixtures.expected("o" + i, 1_000, "EUR"),
                  MatchFixtures.pspTxn("cap-" + i, "CAPTURE", 1_000, 0, "EUR", "stripe"))));
    }
    // Every entry arrives twice, in random order, spread over both writers: the second copy
    // races the first in another transaction and must be skipped.
    List<JournalEntry> stream = new ArrayList<>(entries);
    stream.addAll(entries);
    Collections.shuffle(stream, new Random(42));

    runJob(stream);
    LedgerQueries queries = new LedgerQueries(db.app());
    Map<String, Long> counts = new TreeMap<>();
    for (String tenant : TENANTS) {
      counts.put(tenant, queries.entryCount(tenant));
      assertThat(queries.unbalancedEntries(tenant)).isEmpty();
      assertBalanced(queries.trialBalance(tenant));
    }
    long expectedPerTenant = CYCLES_PER_TENANT * 5L + CAPTURES / 2;
    assertThat(counts)
        .containsOnly(
            Map.entry("sink-acme", expectedPerTenant), Map.entry("sink-globex", expectedPerTenant));

    runJob(entries);
    for (String tenant : TENANTS) {
      assertThat(queries.entryCount(tenant)).isEqualTo(expectedPerTenant);
    }
  }

  private static void assertBalanced(List<TrialBalanceLine> trialBalance) {
    Map<String, Long> perCurrency = new TreeMap<>();
    Map<String, Long> adyenReceivable = new TreeMap<>();
    for (TrialBalanceLine line : trialBalance) {
      perCurrency.merge(line.currency(), line.balanceMinor(), Long::sum);
      if (line.account().equals("psp_receivable:adyen")) {
        adyenReceivable.put(line.currency(), line.balanceMinor());
      }
    }
    assertThat(perCurrency).isNotEmpty().allSatisfy((currency, sum) -> assertThat(sum).isZero());
    // Every Adyen cycle was fully matched: nothing remains receivable in any currency.
    assertThat(adyenReceivable)
        .containsOnlyKeys("JPY", "USD")
        .allSatisfy((currency, balance) -> assertThat(balance).isZero());
  }

  private static void runJob(List<JournalEntry> input) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, conf);
    env.fromData(input, new AvroTypeInfo<>(JournalEntry.class))
        .rebalance()
        .sinkTo(new LedgerSink(db.appSpec()))
        .name("ledger");
    env.execute("ledger-sink-it");
  }
}
