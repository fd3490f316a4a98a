package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.recon.app.platform.CloudWatchTarget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * What reaches CloudWatch is exactly what the alarms of infra/terraform/modules/alarms read: the
 * metrics DeadLetters and OpenBreaks, each with the one dimension Environment.
 */
class AlarmMetricsTest {
  private static final CloudWatchTarget TARGET =
      new CloudWatchTarget("Recon", "staging", "eu-west-1", null);

  private final List<PutMetricDataRequest> sent = new ArrayList<>();
  private final MockClock clock = new MockClock();
  private final AlarmMetrics metrics =
      AlarmMetrics.on(TARGET, new RecordingClient(sent), clock, false);

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void publishesTheAlarmsNamesWithTheEnvironmentDimensionOnly() {
    metrics.deadLetters(2);
    metrics.deadLetters(0);
    metrics.deadLetters(1);
    metrics.openBreaks(OptionalLong.of(7));
    clock.add(AlarmMetrics.STEP);

    metrics.publishNow();

    assertThat(sent).singleElement().extracting(PutMetricDataRequest::namespace).isEqualTo("Recon");
    assertThat(sent.get(0).metricData())
        .extracting(MetricDatum::metricName, MetricDatum::dimensions, MetricDatum::value)
        .containsExactlyInAnyOrder(
            tuple("DeadLetters", List.of(environment("staging")), 3.0),
            tuple("OpenBreaks", List.of(environment("staging")), 7.0));
    assertThat(sent.get(0).metricData())
        .allSatisfy(d -> assertThat(d.unit()).isEqualTo(StandardUnit.COUNT))
        .allSatisfy(d -> assertThat(d.storageResolution()).isEqualTo(60));
  }

  @Test
  void deadLettersArePerStepAndUnknownOpenBreaksAreNotPublished() {
    metrics.deadLetters(5);
    clock.add(AlarmMetrics.STEP);
    clock.add(AlarmMetrics.STEP);

    metrics.publishNow();

    // the step before the last counted nothing; no refresh has told the open breaks yet
    assertThat(sent.get(0).metricData())
        .extracting(MetricDatum::metricName, MetricDatum::value)
        .containsExactly(tuple("DeadLetters", 0.0));

    metrics.openBreaks(OptionalLong.of(4));
    metrics.openBreaks(OptionalLong.empty());
    metrics.publishNow();
    assertThat(sent.get(1).metricData())
        .extracting(MetricDatum::metricName)
        .containsExactly("DeadLetters");
  }

  @Test
  void theViewLetsOnlyTheAlarmMetersThroughWithOnlyTheEnvironmentTag() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(AlarmMetricView.filter("production"));

    Counter.builder("DeadLetters")
        .tags("tenant", "acme", "reason", "PARSE_ERROR")
        .register(registry);
    Counter.builder("recon.dead.letters").register(registry);
    Counter.builder("deadLetters").register(registry);
    registry.gauge("OpenBreaks", List.of(Tag.of("tenant", "acme")), 1.0);
    registry.gauge("jvm.memory.used", 1.0);

    assertThat(registry.getMeters())
        .extracting(m -> m.getId().getName(), m -> m.getId().getTags())
        .containsExactlyInAnyOrder(
            tuple("DeadLetters", List.of(Tag.of("Environment", "production"))),
            tuple("OpenBreaks", List.of(Tag.of("Environment", "production"))));
  }

  @Test
  void theOpenBreakGaugesTellTheTotalOverTenantsOrNothingWhenOneIsUnreadable() {
    Map<String, List<OpenBreakFigure>> store =
        Map.of(
            "acme",
            List.of(
                new OpenBreakFigure("acme", "A", "EUR", 2, 10),
                new OpenBreakFigure("acme", "A", "USD", 3, 10)),
            "globex",
            List.of(new OpenBreakFigure("globex", "B", "EUR", 4, 10)));
    List<OptionalLong> totals = new ArrayList<>();
    KnownTenants tenants = KnownTenants.named(List.of("acme", "globex"));
    // a series limit of 2000 amount series does not cap the total: all figures count
    new OpenBreakGauges(
            t -> OpenBreakRead.complete(store.get(t)),
            tenants,
            new SimpleMeterRegistry(),
            totals::add)
        .refresh();
    tenants.add("broken");
    new OpenBreakGauges(
            t -> {
              if (t.equals("broken")) {
                throw new IllegalStateException("database gone");
              }
              return OpenBreakRead.complete(store.get(t));
            },
            tenants,
            new SimpleMeterRegistry(),
            totals::add)
        .refresh();

    assertThat(totals).containsExactly(OptionalLong.of(9), OptionalLong.empty());
  }

  @Test
  void theTerraformAlarmsReadTheseNamesAndDimension() throws IOException {
    String alarms =
        Files.readString(Path.of("..", "infra", "terraform", "modules", "alarms", "main.tf"));

    for (String name : List.of(AlarmMetrics.DEAD_LETTERS, AlarmMetrics.OPEN_BREAKS)) {
      assertThat(alarms).containsPattern("metric_name\\s*=\\s*\"" + name + "\"");
    }
    assertThat(alarms)
        .containsPattern("dimensions\\s*=\\s*\\{\\s*Environment\\s*=\\s*var\\.environment\\s*}")
        .containsPattern("namespace\\s*=\\s*var\\.metrics_namespace");
  }

  @Test
  void offPublishesNothingAndAcceptsEverything() {
    AlarmMetrics off = AlarmMetrics.off();
    off.deadLetters(3);
    off.openBreaks(OptionalLong.of(1));
    off.publishNow();
    off.close();

    assertThat(off.publishing()).isFalse();
  }

  private static Dimension environment(String value) {
    return Dimension.builder().name("Environment").value(value).build();
  }

  /** A CloudWatch client that keeps what it is asked to send. */
  private record RecordingClient(List<PutMetricDataRequest> sent) implements CloudWatchAsyncClient {
    @Override
    public CompletableFuture<PutMetricDataResponse> putMetricData(PutMetricDataRequest request) {
      sent.add(request);
      return CompletableFuture.completedFuture(PutMetricDataResponse.builder().build());
    }

    @Override
    public String serviceName() {
      return "monitoring";
    }

    @Override
    public void close() {}
  }
}
