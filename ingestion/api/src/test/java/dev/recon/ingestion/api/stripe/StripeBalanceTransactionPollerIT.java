package dev.recon.ingestion.api.stripe;

import static dev.recon.ingestion.api.ScriptedProvider.Reply.json;
import static dev.recon.ingestion.api.ScriptedProvider.Reply.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.api.ConnectorState;
import dev.recon.ingestion.api.PollSummary;
import dev.recon.ingestion.api.PollerFixture;
import dev.recon.ingestion.api.PollerFixture.FlakyProducer;
import dev.recon.ingestion.api.ScriptedProvider;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.ingestion.testing.EmbeddedConnectorState;
import dev.recon.schemas.RawRecord;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class StripeBalanceTransactionPollerIT {

  @TempDir static Path dir;
  static EmbeddedConnectorState db;
  static TenantTransactions tx;

  static final Clock CLOCK = Clock.fixed(PollerFixture.NOW, ZoneOffset.UTC);
  static final Map<String, String> ENV = Map.of("STRIPE_KEY", "sk_test_123");

  ScriptedProvider stripe;
  MeterRegistry meters;

  @BeforeAll
  static void startDatabase() throws Exception {
    db = EmbeddedConnectorState.start(dir.resolve("pg"));
    tx = new TenantTransactions(db.app());
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    db.close();
  }

  @BeforeEach
  void startProvider() throws Exception {
    stripe = ScriptedProvider.start();
    meters = new SimpleMeterRegistry();
  }

  @AfterEach
  void stopProvider() {
    stripe.close();
  }

  private StripeConfig config(String tenant) {
    return new StripeConfig(
        tenant,
        PollerFixture.settings(stripe.baseUrl()),
        "env:STRIPE_KEY",
        null,
        Duration.ofDays(14),
        100);
  }

  private StripeBalanceTransactionPoller poller(StripeConfig config, FlakyProducer producer) {
    return new StripeBalanceTransactionPoller(
        config,
        PollerFixture.secrets(ENV),
        PollerFixture.publisher(producer),
        ConnectorState.of(tx),
        meters,
        CLOCK);
  }

  static String list(boolean hasMore, String... ids) {
    String data =
        Arrays.stream(ids)
            .map(
                id ->
                    id.startsWith("po_")
                        ? "{\"id\":\""
                            + id
                            + "\",\"object\":\"payout\",\"amount\":5000,\"currency\":\"eur\",\"status\":\"paid\"}"
                        : "{\"id\":\""
                            + id
                            + "\",\"object\":\"balance_transaction\",\"amount\":1000,\"currency\":\"eur\",\"fee\":30,\"net\":970,\"type\":\"charge\"}")
            .collect(Collectors.joining(","));
    return "{\"object\":\"list\",\"url\":\"/v1/x\",\"has_more\":"
        + hasMore
        + ",\"data\":["
        + data
        + "]}";
  }

  private String payouts(StripeConfig config, String after) {
    return StripeRequests.paidPayouts(config.createdGte(PollerFixture.NOW), after);
  }

  static String transactions(String payout, String after) {
    return StripeRequests.balanceTransactions(payout, after);
  }

  /** Two paid payouts; po_A has three pages of transactions, po_B one. */
  private void scriptTwoPayouts(StripeConfig config) {
    stripe
        .on(payouts(config, null), json(list(true, "po_A")))
        .on(payouts(config, "po_A"), json(list(false, "po_B")))
        .on(transactions("po_A", null), json(list(true, "txn_1", "txn_2")))
        .on(transactions("po_A", "txn_2"), json(list(true, "txn_3")))
        .on(transactions("po_A", "txn_3"), json(list(false, "txn_4")))
        .on(transactions("po_B", null), json(list(false, "txn_5")));
  }

  @Test
  void followsEveryCursorAndPublishesEachPageAsReceivedRetryingA500AndA429() {
    StripeConfig config = config("stripe-pages");
    scriptTwoPayouts(config);
    stripe
        .on(transactions("po_A", "txn_2"), status(500), json(list(true, "txn_3")))
        .on(
            transactions("po_A", "txn_3"),
            status(429).withHeader("Retry-After", "1"),
            json(list(false, "txn_4")));
    FlakyProducer producer = FlakyProducer.reliable();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(summary.status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(summary.published()).isEqualTo(4);
    assertThat(PollerFixture.fileNames(producer))
        .containsExactly(
            "stripe-balance-transactions-po_A-page-1.json",
            "stripe-balance-transactions-po_A-page-2.json",
            "stripe-balance-transactions-po_A-page-3.json",
            "stripe-balance-transactions-po_B-page-1.json");
    List<RawRecord> records = PollerFixture.published(producer);
    assertThat(records.stream().map(PollerFixture::payload))
        .containsExactly(
            list(true, "txn_1", "txn_2"),
            list(true, "txn_3"),
            list(false, "txn_4"),
            list(false, "txn_5"));
    assertThat(records)
        .allSatisfy(
            r -> {
              assertThat(r.getProvenance().getSource()).isEqualTo("api:stripe");
              assertThat(r.getProvenance().getTenantId()).isEqualTo("stripe-pages");
              assertThat(r.getPsp()).isEqualTo("stripe");
            });
    assertThat(stripe.count(transactions("po_A", "txn_2"))).isEqualTo(2);
    assertThat(stripe.count(transactions("po_A", "txn_3"))).isEqualTo(2);
    assertThat(stripe.requests())
        .allSatisfy(
            r -> assertThat(r.headers()).containsEntry("authorization", "Bearer sk_test_123"));

    PollSummary again = poller(config, producer).pollOnce();

    assertThat(again.status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(again.published()).isZero();
    assertThat(producer.history()).hasSize(4);
    assertThat(stripe.count(transactions("po_A", null))).isEqualTo(1);
    assertThat(stripe.count(transactions("po_B", null))).isEqualTo(1);
  }

  @Test
  void aCrashMidPaginationResumesAtTheNextPageWithNothingLostOrDoubled() {
    StripeConfig config = config("stripe-crash");
    scriptTwoPayouts(config);
    FlakyProducer producer = new FlakyProducer(2);

    PollSummary crashed = poller(config, producer).pollOnce();

    assertThat(crashed.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(crashed.published()).isEqualTo(1);
    assertThat(crashed.detail()).contains("Kafka did not acknowledge");

    PollSummary resumed = poller(config, producer).pollOnce();

    assertThat(resumed.status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(resumed.published()).isEqualTo(3);
    assertThat(PollerFixture.fileNames(producer))
        .containsExactly(
            "stripe-balance-transactions-po_A-page-1.json",
            "stripe-balance-transactions-po_A-page-2.json",
            "stripe-balance-transactions-po_A-page-3.json",
            "stripe-balance-transactions-po_B-page-1.json");
    assertThat(stripe.count(transactions("po_A", null))).isEqualTo(1);
    assertThat(stripe.count(transactions("po_A", "txn_2"))).isEqualTo(2);
  }

  @Test
  void aPagePublishedBeforeItsProgressWasSavedIsRecognisedByPayoutAndCursor() {
    StripeConfig config = config("stripe-replay");
    scriptTwoPayouts(config);
    FlakyProducer producer = FlakyProducer.reliable();
    poller(config, producer).pollOnce();
    // As if the process died after Kafka acknowledged each page but before progress was saved.
    ConnectorState.of(tx)
        .offsets()
        .save(
            "stripe-replay",
            StripeConfig.CONNECTOR_ID,
            PayoutProgress.partition("po_A"),
            PayoutProgress.start("po_A").toMap());

    PollSummary replay = poller(config, producer).pollOnce();

    assertThat(replay.status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(replay.published()).isZero();
    assertThat(replay.duplicates()).isEqualTo(3);
    assertThat(producer.history()).hasSize(4);
  }

  @Test
  void aClientErrorIsNotRetriedAndIsAudited() {
    StripeConfig config = config("stripe-denied");
    stripe.on(payouts(config, null), status(401));
    FlakyProducer producer = FlakyProducer.reliable();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(summary.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(summary.detail()).contains("HTTP 401");
    assertThat(stripe.count(payouts(config, null))).isEqualTo(1);
    assertThat(producer.history()).isEmpty();
    assertThat(ConnectorState.of(tx).audit().recent("stripe-denied", 10))
        .anySatisfy(
            e -> {
              assertThat(e.outcome()).isEqualTo(AuditOutcome.REJECTED);
              assertThat(e.detail()).contains("HTTP 401").doesNotContain("sk_test_123");
            });
  }

  @Test
  void aProviderThatKeepsFailingOpensTheCircuitAndPollsEndFailedWithoutCallingIt() {
    StripeConfig config = config("stripe-down");
    stripe.on(payouts(config, null), status(503));
    StripeBalanceTransactionPoller poller = poller(config, FlakyProducer.reliable());

    PollSummary first = poller.pollOnce();
    PollSummary second = poller.pollOnce();
    PollSummary third = poller.pollOnce();

    assertThat(first.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(first.detail()).contains("HTTP 503 after 3 attempt(s)");
    assertThat(second.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(third.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(third.detail()).contains("circuit breaker").contains("open");
    // Window of 4 calls: the 4th failure opens the circuit; nothing reaches the provider after.
    assertThat(stripe.count(payouts(config, null))).isEqualTo(4);
    assertThat(poller.client().circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
    String name = poller.client().name();
    assertThat(
            meters
                .get("resilience4j.circuitbreaker.state")
                .tag("name", name)
                .tag("state", "open")
                .gauge()
                .value())
        .isEqualTo(1.0);
    assertThat(
            meters
                .get("resilience4j.circuitbreaker.not.permitted.calls")
                .tag("name", name)
                .counter()
                .count())
        .isGreaterThanOrEqualTo(2.0);
    assertThat(
            meters
                .get("resilience4j.retry.calls")
                .tag("name", name)
                .tag("kind", "failed_with_retry")
                .functionCounter()
                .count())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(
            meters
                .get("recon.api.responses")
                .tag("name", name)
                .tag("outcome", "CircuitOpen")
                .counter()
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void aBodyOverTheLimitIsRefusedWhileStreamingAndNothingIsPublished() {
    StripeConfig config = config("stripe-huge");
    stripe
        .on(payouts(config, null), json(list(false, "po_A")))
        .on(
            transactions("po_A", null),
            json(list(false, "txn_" + "x".repeat(200)) + " ".repeat(70_000)).chunked());
    FlakyProducer producer = FlakyProducer.reliable();

    PollSummary summary = poller(config, producer).pollOnce();

    assertThat(summary.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(summary.detail()).contains("over the limit of 65536 bytes");
    assertThat(stripe.count(transactions("po_A", null))).isEqualTo(1);
    assertThat(producer.history()).isEmpty();
    assertThat(ConnectorState.of(tx).audit().recent("stripe-huge", 10))
        .anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.REJECTED));
  }

  @Test
  void thePageLimitEndsAPollPartiallyAndTheNextPollsContinueWithoutDuplicates() {
    StripeConfig limited =
        new StripeConfig(
            "stripe-budget",
            PollerFixture.settings(stripe.baseUrl()),
            "env:STRIPE_KEY",
            null,
            Duration.ofDays(14),
            2);
    scriptTwoPayouts(limited);
    FlakyProducer producer = FlakyProducer.reliable();
    StripeBalanceTransactionPoller poller = poller(limited, producer);

    PollSummary first = poller.pollOnce();
    List<PollSummary> rest = new java.util.ArrayList<>();
    for (int i = 0;
        i < 10
            && (rest.isEmpty() || rest.get(rest.size() - 1).status() == PollSummary.Status.PARTIAL);
        i++) {
      rest.add(poller.pollOnce());
    }

    assertThat(first.status()).isEqualTo(PollSummary.Status.PARTIAL);
    assertThat(first.published()).isEqualTo(1);
    assertThat(first.detail()).isEqualTo("page limit per poll reached");
    assertThat(rest.get(rest.size() - 1).status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(PollerFixture.fileNames(producer))
        .containsExactly(
            "stripe-balance-transactions-po_A-page-1.json",
            "stripe-balance-transactions-po_A-page-2.json",
            "stripe-balance-transactions-po_A-page-3.json",
            "stripe-balance-transactions-po_B-page-1.json");
  }

  @Test
  void aRetryAfterLongerThanWorthWaitingEndsThePollInsteadOfSleeping() {
    StripeConfig config = config("stripe-throttled");
    stripe.on(payouts(config, null), status(429).withHeader("Retry-After", "3600"));

    PollSummary summary = poller(config, FlakyProducer.reliable()).pollOnce();

    assertThat(summary.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(summary.detail())
        .contains("rate limited by the provider (HTTP 429) after 1 attempt(s)");
    assertThat(stripe.count(payouts(config, null))).isEqualTo(1);
  }
}
