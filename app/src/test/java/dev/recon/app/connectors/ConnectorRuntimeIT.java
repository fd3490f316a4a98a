package dev.recon.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.recon.app.observability.MetricsEndpoint;
import dev.recon.app.pipeline.TopicReader;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ingestion.schedule.TaskScheduler;
import dev.recon.ingestion.store.IngestionDatabase;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.Topics;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connectors as {@code recon run} starts them, from a config section, against the embedded
 * Kafka and PostgreSQL: a signed webhook and a scheduled report download both end up on the raw
 * topic, exactly once each.
 */
class ConnectorRuntimeIT {

  private static final String STRIPE_SECRET = "whsec_test_runtime";

  @TempDir Path tmp;

  @Test
  @Timeout(180)
  void aSignedWebhookAndAScheduledDownloadReachTheRawTopicOnce() throws Exception {
    HttpServer adyen = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] report =
        "Company Account,Merchant Account\r\nAcme,AcmeShopEU\r\n".getBytes(StandardCharsets.UTF_8);
    adyen.createContext(
        "/reports/AcmeShopEU/",
        exchange -> {
          boolean first =
              exchange.getRequestURI().getPath().endsWith("settlement_detail_report_batch_7.csv");
          boolean keyed = "k3y".equals(exchange.getRequestHeaders().getFirst("X-API-Key"));
          exchange.sendResponseHeaders(
              first && keyed ? 200 : 404, first && keyed ? report.length : -1);
          if (first && keyed) {
            exchange.getResponseBody().write(report);
          }
          exchange.close();
        });
    adyen.start();
    String yaml =
        """
        connectors:
          webhooks:
            port: 0
            tenants:
              - tenant: acme
                psps:
                  - {psp: stripe, scheme: stripe, secrets: ["env:ACME_STRIPE_WHSEC"]}
          adyenReports:
            - tenant: acme
              schedule: "0 0 1 1 *"
              merchantAccount: AcmeShopEU
              apiKey: env:ACME_ADYEN_KEY
              firstBatch: 7
              http:
                baseUrl: "http://127.0.0.1:%d/reports"
                allowPlainHttpOnLoopback: true
        """
            .formatted(adyen.getAddress().getPort());
    ConnectorsConfigFile.Contents contents = ConnectorsConfigFile.parse(yaml, "recon.yaml");
    assertThat(contents.errors()).isEmpty();
    Map<String, String> env = Map.of("ACME_STRIPE_WHSEC", STRIPE_SECRET, "ACME_ADYEN_KEY", "k3y");

    try (Platform p =
            Platform.start(
                PlatformConfig.embedded().withDataDir(tmp.resolve("data")),
                db -> {
                  LedgerDatabase.migrate(db.ownerDataSource());
                  IngestionDatabase.migrate(db.ownerDataSource());
                  LedgerDatabase.provisionAppLogin(
                      db.ownerDataSource(), db.appUser(), db.appPassword().toCharArray());
                });
        MetricsEndpoint metrics = MetricsEndpoint.start("127.0.0.1", 0);
        HikariDataSource pool =
            AppRolePool.open(
                p.database().appUrl(), p.database().appUser(), p.database().appPassword());
        ConnectorRuntime runtime =
            ConnectorRuntime.start(
                contents.plan(),
                p.kafka(),
                pool,
                ConnectorRuntime.secretResolver(env, Clock.systemUTC()),
                metrics.registry(),
                Clock.systemUTC())) {
      String body = "{\"id\":\"evt_runtime_1\",\"type\":\"charge.succeeded\",\"data\":{}}";
      HttpResponse<String> first = postStripe(runtime.webhookPort().orElseThrow(), body);
      HttpResponse<String> again = postStripe(runtime.webhookPort().orElseThrow(), body);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(again.statusCode()).isEqualTo(200);

      assertThat(runtime.runNow("api:adyen:acme:AcmeShopEU"))
          .isEqualTo(TaskScheduler.RunResult.SUCCEEDED);
      assertThat(runtime.runNow("api:adyen:acme:AcmeShopEU"))
          .isEqualTo(TaskScheduler.RunResult.SUCCEEDED);

      List<RawRecord> raw =
          new TopicReader(p.kafka(), Topics.MAX_MESSAGE_BYTES).readAll(Topics.RAW, RawRecord.class);
      assertThat(raw)
          .extracting(r -> r.getProvenance().getSource())
          .containsExactlyInAnyOrder("webhook:stripe", "api:adyen");
      RawRecord webhook =
          raw.stream().filter(r -> r.getPsp().equals("stripe")).findFirst().orElseThrow();
      assertThat(StandardCharsets.UTF_8.decode(webhook.getPayload()).toString()).isEqualTo(body);
      assertThat(webhook.getProvenance().getTenantId()).isEqualTo("acme");

      // the report API's calls and its circuit breaker are visible to Prometheus
      String scrape =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + metrics.port() + MetricsEndpoint.PATH))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(scrape)
          .contains("recon_api_responses")
          .contains("resilience4j_circuitbreaker_state");
    } finally {
      adyen.stop(0);
    }
  }

  private static HttpResponse<String> postStripe(int port, String body) throws Exception {
    long t = System.currentTimeMillis() / 1000;
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(STRIPE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String v1 =
        HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/acme/stripe"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", "t=" + t + ",v1=" + v1)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
