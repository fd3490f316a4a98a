package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorLagTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0.plusSeconds(600));
  private final ConnectorLag lag = new ConnectorLag(clock);

  @Test
  void caughtUpIsZeroAndWaitingIsNowMinusTheNewestProcessed() {
    lag.published("sftp:adyen", T0);
    lag.processed("sftp:adyen", T0);
    lag.published("webhook:stripe", T0.plusSeconds(100));
    lag.processed("webhook:stripe", T0.plusSeconds(100));
    lag.published("webhook:stripe", T0.plusSeconds(200)); // waits

    assertThat(lag.secondsBehind()).isEqualTo(Map.of("sftp:adyen", 0L, "webhook:stripe", 500L));

    lag.processed("webhook:stripe", T0.plusSeconds(200));
    assertThat(lag.secondsBehind()).containsEntry("webhook:stripe", 0L);
  }

  @Test
  void nothingProcessedYetCountsFromTheOldestWaitingRecord() {
    lag.published("email:INBOX", T0.plusSeconds(300));
    lag.published("email:INBOX", T0.plusSeconds(60));

    assertThat(lag.secondsBehind()).containsEntry("email:INBOX", 540L);
  }

  @Test
  void outputsReadBeforeTheirRawRecordDoNotLookLikeLag() {
    lag.processed("api:adyen", T0.plusSeconds(10));
    lag.published("api:adyen", T0.plusSeconds(10));
    lag.published("api:adyen", T0); // an older record read late

    assertThat(lag.secondsBehind()).containsEntry("api:adyen", 0L);
  }

  @Test
  void followsAtMostTheLimitOfConnectorsAndServesTheGaugeOnRefresh() {
    for (int i = 0; i < ConnectorLag.MAX_CONNECTORS + 3; i++) {
      lag.published("sftp:c" + i, T0);
    }
    assertThat(lag.secondsBehind()).hasSize(ConnectorLag.MAX_CONNECTORS);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    lag.register(registry).refresh();
    String scrape = registry.scrape();
    assertThat(scrape).contains("recon_connector_lag_seconds{connector=\"sftp:c0\"} 600.0");
    assertThat(scrape).contains("recon_connector_lag_dropped 3.0");
  }

  private static final class MutableClock extends Clock {
    private final Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
