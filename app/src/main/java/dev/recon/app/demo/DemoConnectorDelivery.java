package dev.recon.app.demo;

import com.zaxxer.hikari.HikariDataSource;
import dev.recon.app.connectors.AppRolePool;
import dev.recon.app.connectors.ConnectorRuntime;
import dev.recon.app.connectors.ConnectorsConfigFile;
import dev.recon.app.observability.ProcessMetrics;
import dev.recon.app.pipeline.ReconcileRun;
import dev.recon.app.pipeline.TopicReader;
import dev.recon.app.platform.KafkaConnection;
import dev.recon.schemas.RawRecord;
import dev.recon.schemas.kafka.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Delivers one demo tenant's input through the real connectors instead of publishing its files: the
 * connectors are configured from {@link DemoConnectorStandIns#connectorsYaml()}, publish to the
 * run's raw topic, and each is run on demand once (SFTP twice: a file is taken only once it was
 * seen unchanged by an earlier poll).
 */
public record DemoConnectorDelivery(
    DemoConnectorStandIns standIns,
    KafkaConnection kafka,
    String appUrl,
    String appUser,
    String appPassword,
    Consumer<String> report)
    implements ReconcileRun.RawDelivery {

  @Override
  public int deliver(String rawTopic, List<String> problems) throws Exception {
    ConnectorsConfigFile.Contents config =
        ConnectorsConfigFile.parse(standIns.connectorsYaml(), "demo connectors");
    if (!config.errors().isEmpty()) {
      problems.addAll(config.errors());
      return 0;
    }
    Clock clock = Clock.systemUTC();
    try (HikariDataSource pool = AppRolePool.open(appUrl, appUser, appPassword);
        ConnectorRuntime runtime =
            ConnectorRuntime.start(
                config.plan(),
                kafka,
                rawTopic,
                pool,
                ConnectorRuntime.secretResolver(standIns.secrets(), clock),
                ProcessMetrics.registry(),
                clock)) {
      long now = clock.instant().getEpochSecond();
      String event = standIns.stripeChargeEvent(now);
      String tenant = config.plan().webhooks().orElseThrow().tenants().get(0).tenantId();
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + runtime.webhookPort().orElseThrow()
                                  + "/webhooks/"
                                  + tenant
                                  + "/stripe"))
                      .header("Content-Type", "application/json")
                      .header("Stripe-Signature", standIns.stripeSignature(event, now))
                      .POST(HttpRequest.BodyPublishers.ofString(event))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        problems.add("demo webhook was answered " + answer.statusCode() + ": " + answer.body());
      }
      for (String task : runtime.taskIds()) {
        runtime.runNow(task);
        if (task.startsWith("sftp:")) {
          runtime.runNow(task);
        }
      }
    }
    List<RawRecord> arrived =
        new TopicReader(kafka, Topics.MAX_MESSAGE_BYTES).readAll(rawTopic, RawRecord.class);
    Map<String, Integer> bySource = new TreeMap<>();
    arrived.forEach(r -> bySource.merge(r.getProvenance().getSource(), 1, Integer::sum));
    report.accept("arrived through the connectors: " + bySource);
    return arrived.size();
  }
}
