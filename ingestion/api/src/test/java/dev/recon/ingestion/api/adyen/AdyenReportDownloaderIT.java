package dev.recon.ingestion.api.adyen;

import static dev.recon.ingestion.api.ScriptedProvider.Reply.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.api.ConnectorState;
import dev.recon.ingestion.api.PollSummary;
import dev.recon.ingestion.api.PollerFixture;
import dev.recon.ingestion.api.PollerFixture.FlakyProducer;
import dev.recon.ingestion.api.ScriptedProvider;
import dev.recon.ingestion.api.http.ProviderSettings;
import dev.recon.ingestion.store.AuditOutcome;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.ingestion.testing.EmbeddedConnectorState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class AdyenReportDownloaderIT {

  @TempDir static Path dir;
  static EmbeddedConnectorState db;
  static TenantTransactions tx;

  static final Clock CLOCK = Clock.fixed(PollerFixture.NOW, ZoneOffset.UTC);
  static final Map<String, String> ENV =
      Map.of(
          "ADYEN_USER", "report@Company.Acme", "ADYEN_PASSWORD", "s3cret", "ADYEN_KEY", "AQE-key");
  static final String MERCHANT = "AcmeEUR";

  ScriptedProvider adyen;

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
    adyen = ScriptedProvider.start();
  }

  @AfterEach
  void stopProvider() {
    adyen.close();
  }

  private AdyenReportConfig config(String tenant, ProviderSettings http, AdyenAuthentication auth) {
    return new AdyenReportConfig(
        tenant,
        http,
        MERCHANT,
        ReportNamePattern.SETTLEMENT_DETAIL,
        auth,
        1,
        50,
        "adyen-settlement-detail");
  }

  private AdyenReportConfig basic(String tenant) {
    return config(
        tenant,
        PollerFixture.settings(adyen.baseUrl()),
        new AdyenAuthentication.Basic("env:ADYEN_USER", "env:ADYEN_PASSWORD"));
  }

  private AdyenReportDownloader downloader(AdyenReportConfig config, FlakyProducer producer) {
    return new AdyenReportDownloader(
        config,
        PollerFixture.secrets(ENV),
        PollerFixture.publisher(producer),
        ConnectorState.of(tx),
        new SimpleMeterRegistry(),
        CLOCK);
  }

  static String path(long batch) {
    return "/" + MERCHANT + "/settlement_detail_report_batch_" + batch + ".csv";
  }

  static byte[] report(long batch) {
    return ("Company Account,Merchant Account,Psp Reference,Type,Batch Number\n"
            + "Acme,AcmeEUR,PSP"
            + batch
            + ",Settled,"
            + batch
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void downloadsBatchAfterBatchUntilOneIsNotThereAndContinuesFromItLater() {
    AdyenReportConfig config = basic("adyen-series");
    adyen.on(path(1), bytes(report(1))).on(path(2), bytes(report(2)));
    FlakyProducer producer = FlakyProducer.reliable();
    AdyenReportDownloader downloader = downloader(config, producer);

    PollSummary first = downloader.pollOnce();

    assertThat(first.status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(first.published()).isEqualTo(2);
    assertThat(PollerFixture.fileNames(producer))
        .containsExactly(
            "settlement_detail_report_batch_1.csv", "settlement_detail_report_batch_2.csv");
    assertThat(PollerFixture.published(producer))
        .allSatisfy(
            r -> {
              assertThat(r.getProvenance().getSource()).isEqualTo("api:adyen");
              assertThat(r.getPsp()).isEqualTo("adyen");
              assertThat(r.getFormatHint()).isEqualTo("adyen-settlement-detail");
            });
    assertThat(PollerFixture.payload(PollerFixture.published(producer).get(1)))
        .isEqualTo(new String(report(2), StandardCharsets.UTF_8));
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("report@Company.Acme:s3cret".getBytes(StandardCharsets.UTF_8));
    assertThat(adyen.requests())
        .allSatisfy(r -> assertThat(r.headers()).containsEntry("authorization", basic));

    PollSummary nothingNew = downloader.pollOnce();
    adyen.on(path(3), bytes(report(3)));
    PollSummary third = downloader.pollOnce();

    assertThat(nothingNew.published()).isZero();
    assertThat(nothingNew.detail()).contains("batch 3 not available yet");
    assertThat(third.published()).isEqualTo(1);
    assertThat(PollerFixture.fileNames(producer)).hasSize(3);
    assertThat(adyen.count(path(1))).isEqualTo(1);
    assertThat(adyen.count(path(3))).isEqualTo(3);
  }

  @Test
  void theSameContentUnderAnotherBatchIsPublishedOnce() {
    AdyenReportConfig config = basic("adyen-dedupe");
    adyen.on(path(1), bytes(report(1))).on(path(2), bytes(report(1)));
    FlakyProducer producer = FlakyProducer.reliable();

    PollSummary summary = downloader(config, producer).pollOnce();

    assertThat(summary.published()).isEqualTo(1);
    assertThat(summary.duplicates()).isEqualTo(1);
    assertThat(producer.history()).hasSize(1);
    assertThat(adyen.count(path(3))).isEqualTo(1);
    assertThat(ConnectorState.of(tx).audit().recent("adyen-dedupe", 10))
        .anySatisfy(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.DUPLICATE));
  }

  @Test
  void aReportOverTheLimitIsRefusedAndTheSeriesWaitsThereInsteadOfSkippingIt() {
    ProviderSettings small =
        new ProviderSettings(
            adyen.baseUrl(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            3,
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            4,
            50,
            Duration.ofHours(1),
            100,
            4096,
            true);
    AdyenReportConfig config =
        config("adyen-big", small, new AdyenAuthentication.ApiKey("env:ADYEN_KEY"));
    byte[] big = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
    adyen.on(path(1), bytes(big));
    FlakyProducer producer = FlakyProducer.reliable();
    AdyenReportDownloader downloader = downloader(config, producer);

    PollSummary declared = downloader.pollOnce();
    adyen.on(path(1), bytes(big).chunked());
    PollSummary streamed = downloader.pollOnce();

    assertThat(declared.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(declared.detail()).contains("over the limit of 4096 bytes");
    assertThat(streamed.status()).isEqualTo(PollSummary.Status.FAILED);
    assertThat(streamed.detail()).contains("over the limit of 4096 bytes");
    assertThat(producer.history()).isEmpty();
    assertThat(adyen.count(path(1))).isEqualTo(2);
    assertThat(adyen.count(path(2))).isZero();
    assertThat(adyen.requests())
        .allSatisfy(r -> assertThat(r.headers()).containsEntry("x-api-key", "AQE-key"));
    assertThat(ConnectorState.of(tx).audit().recent("adyen-big", 10))
        .filteredOn(e -> e.outcome() == AuditOutcome.REJECTED)
        .hasSize(2);
  }

  @Test
  void aResponseSlowerThanTheReadTimeoutIsRetried() {
    ProviderSettings impatient =
        new ProviderSettings(
            adyen.baseUrl(),
            Duration.ofMillis(500),
            Duration.ofMillis(300),
            3,
            Duration.ofMillis(5),
            Duration.ofMillis(20),
            4,
            50,
            Duration.ofHours(1),
            100,
            64 * 1024,
            true);
    AdyenReportConfig config =
        config("adyen-slow", impatient, new AdyenAuthentication.ApiKey("env:ADYEN_KEY"));
    adyen.on(path(1), bytes(report(1)).delayed(3000), bytes(report(1)));
    FlakyProducer producer = FlakyProducer.reliable();

    PollSummary summary = downloader(config, producer).pollOnce();

    assertThat(summary.status()).isEqualTo(PollSummary.Status.COMPLETED);
    assertThat(summary.published()).isEqualTo(1);
    assertThat(adyen.count(path(1))).isEqualTo(2);
  }
}
