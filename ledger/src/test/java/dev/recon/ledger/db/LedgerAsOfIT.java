package dev.recon.ledger.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Posting;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Point-in-time reads against a balance recomputed in memory from random entries. */
@Timeout(120)
class LedgerAsOfIT {

  private static final String TENANT = "asof";
  private static final List<String> ACCOUNTS =
      List.of("psp_receivable:adyen", "payments_clearing", "psp_fees", "bank_in_transit");
  private static final List<String> CURRENCIES = List.of("EUR", "USD");
  private static final Instant START = Instant.parse("2023-11-20T00:00:00Z");
  private static final long SPAN_SECONDS = 80L * 24 * 3600;

  @TempDir static Path dir;
  static EmbeddedLedger db;
  static List<JournalEntry> entries = new ArrayList<>();
  static long seed;

  @BeforeAll
  static void start() throws Exception {
    db = EmbeddedLedger.start(dir.resolve("pg"));
    seed = Long.getLong("ledger.asof.seed", System.nanoTime());
    System.out.println("LedgerAsOfIT seed " + seed + " (-Dledger.asof.seed to repeat)");
    Random random = new Random(seed);
    for (int i = 0; i < 600; i++) {
      String debit = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
      String credit = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
      String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
      long amount = 1 + random.nextInt(1_000_000);
      Instant at =
          START
              .plus(Math.floorMod(random.nextLong(), SPAN_SECONDS), ChronoUnit.SECONDS)
              .plusMillis(random.nextInt(1000));
      entries.add(
          JournalEntry.newBuilder()
              .setTenantId(TENANT)
              .setEntryId("je-asof-" + i)
              .setBookedAt(at)
              .setSourceKind("MANUAL")
              .setSourceId("asof:" + i)
              .setDescription(null)
              .setPostings(
                  List.of(
                      new Posting(debit, amount, 0L, currency),
                      new Posting(credit, 0L, amount, currency)))
              .build());
    }
    // Two writes, so that the daily balances are accumulated over several statements.
    LedgerWriter writer = new LedgerWriter(db.app());
    writer.write(entries.subList(0, entries.size() / 3));
    writer.write(entries);
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  /** Balances (debit minus credit) of "account currency" over postings booked at or before t. */
  private static Map<String, Long> expected(Instant asOf) {
    Map<String, Long> balances = new TreeMap<>();
    for (JournalEntry e : entries) {
      if (e.getBookedAt().isAfter(asOf)) {
        continue;
      }
      for (Posting p : e.getPostings()) {
        balances.merge(
            p.getAccount() + " " + p.getCurrency(),
            p.getDebitMinor() - p.getCreditMinor(),
            Math::addExact);
      }
    }
    return balances;
  }

  @Test
  void balancesAsOfRandomInstantsMatchARecomputation() {
    LedgerQueries queries = new LedgerQueries(db.app());
    Random random = new Random(seed + 1);
    List<Instant> instants = new ArrayList<>();
    instants.add(START.minusSeconds(1));
    instants.add(START.plusSeconds(SPAN_SECONDS + 10));
    // Exactly at a booking time: the bound is inclusive.
    instants.add(entries.get(random.nextInt(entries.size())).getBookedAt());
    for (int i = 0; i < 12; i++) {
      instants.add(START.plus(Math.floorMod(random.nextLong(), SPAN_SECONDS), ChronoUnit.SECONDS));
    }
    for (Instant asOf : instants) {
      Map<String, Long> expected = expected(asOf);
      Map<String, Long> actual = new TreeMap<>();
      for (TrialBalanceLine line : queries.trialBalanceAsOf(TENANT, asOf)) {
        actual.put(line.account() + " " + line.currency(), line.balanceMinor());
      }
      assertThat(actual).as("seed %d as of %s", seed, asOf).isEqualTo(expected);
      for (String account : ACCOUNTS) {
        for (String currency : CURRENCIES) {
          assertThat(queries.balanceAsOf(TENANT, account, currency, asOf))
              .as("seed %d %s %s as of %s", seed, account, currency, asOf)
              .isEqualTo(expected.getOrDefault(account + " " + currency, 0L));
        }
      }
    }
    assertThat(queries.trialBalanceAsOf(TENANT, START.plusSeconds(SPAN_SECONDS + 10)))
        .isEqualTo(queries.trialBalance(TENANT));
    assertThat(queries.trialBalanceAsOf("other-tenant", START.plusSeconds(SPAN_SECONDS))).isEmpty();
  }

  @Test
  void dailyBalancesEqualAFullScanOfThePostingsAndAReplayAddsNothing() throws Exception {
    new LedgerWriter(db.app()).write(entries);
    String fullScan =
        "select tenant_id, account, currency, (booked_at at time zone 'UTC')::date as day,"
            + " sum(debit_minor)::bigint as debit_minor, sum(credit_minor)::bigint as credit_minor"
            + " from ledger.postings group by 1, 2, 3, 4";
    String daily =
        "select tenant_id, account, currency, day, debit_minor, credit_minor"
            + " from ledger.daily_balances";
    // As the superuser (no row-level security): both directions of the difference are empty.
    try (java.sql.Connection c = db.owner().getConnection();
        java.sql.Statement s = c.createStatement()) {
      for (String sql :
          List.of(
              "select count(*) from (" + fullScan + " except " + daily + ") x",
              "select count(*) from (" + daily + " except " + fullScan + ") x",
              "select case when count(*) > 0 then 0 else 1 end from ledger.daily_balances")) {
        try (java.sql.ResultSet rs = s.executeQuery(sql)) {
          rs.next();
          assertThat(rs.getLong(1)).as("seed %d: %s", seed, sql).isZero();
        }
      }
    }
  }

  @Test
  void refusesWhatIsNotAnAccountOrCurrency() {
    LedgerQueries queries = new LedgerQueries(db.app());
    assertThatThrownBy(() -> queries.balanceAsOf(TENANT, "psp_fees", "eur", START))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> queries.balanceAsOf(TENANT, "no such account", "EUR", START))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
