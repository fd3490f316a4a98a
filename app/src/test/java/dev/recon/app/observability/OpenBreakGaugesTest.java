package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The gauges' names and tags as Prometheus serves them, and what a refresh replaces. */
class OpenBreakGaugesTest {

  private final Map<String, List<OpenBreakFigure>> store = new HashMap<>();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void servesTheContractNamesAndDropsWhatIsNoLongerOpen() {
    store.put("acme", List.of(new OpenBreakFigure("acme", "MISSING_IN_PSP", "EUR", 2, 1_500)));
    OpenBreakGauges gauges =
        new OpenBreakGauges(
            t -> OpenBreakRead.complete(store.getOrDefault(t, List.of())),
            KnownTenants.named(List.of("acme")),
            registry);

    gauges.refresh();
    assertThat(registry.scrape())
        .contains("recon_breaks_open_count{reason=\"MISSING_IN_PSP\",tenant=\"acme\"} 2.0")
        .contains(
            "recon_breaks_open_amount_minor{currency=\"EUR\",reason=\"MISSING_IN_PSP\","
                + "tenant=\"acme\"} 1500.0")
        .contains("recon_breaks_open_dropped 0.0");

    store.put("acme", List.of(new OpenBreakFigure("acme", "DUPLICATE", "EUR", 1, 7)));
    gauges.refresh();
    assertThat(registry.scrape())
        .contains("recon_breaks_open_count{reason=\"DUPLICATE\",tenant=\"acme\"} 1.0")
        .doesNotContain("MISSING_IN_PSP");
  }

  @Test
  void oneUnreadableTenantKeepsTheOthersAndIsCounted() {
    store.put("acme", List.of(new OpenBreakFigure("acme", "A", "EUR", 1, 1)));
    OpenBreakGauges gauges =
        new OpenBreakGauges(
            t -> {
              if (t.equals("broken")) {
                throw new IllegalStateException("database gone");
              }
              return OpenBreakRead.complete(store.getOrDefault(t, List.of()));
            },
            KnownTenants.named(List.of("acme", "broken")),
            registry);

    gauges.refresh();

    assertThat(registry.scrape())
        .contains("recon_breaks_open_count{reason=\"A\",tenant=\"acme\"} 1.0")
        .contains("recon_breaks_open_dropped 1.0");
  }

  @Test
  void servesAtMostTheSeriesLimitAndCountsTheRest() {
    List<OpenBreakFigure> many = new ArrayList<>();
    for (int i = 0; i < OpenBreakGauges.MAX_SERIES + 5; i++) {
      many.add(new OpenBreakFigure("acme", "R" + i, "EUR", 1, 1));
    }
    store.put("acme", many);
    new OpenBreakGauges(
            t -> OpenBreakRead.complete(store.get(t)),
            KnownTenants.named(List.of("acme")),
            registry)
        .refresh();

    assertThat(registry.find("recon.breaks.open.count").gauges())
        .hasSize(OpenBreakGauges.MAX_SERIES);
    assertThat(registry.get("recon.breaks.open.dropped").gauge().value()).isEqualTo(5.0);
  }

  @Test
  void aTruncatedReadIsServedAsALowerBoundCountedEachRefreshAndWarnedOnceUntilComplete() {
    Map<String, OpenBreakRead> reads = new HashMap<>();
    OpenBreakRead cut =
        new OpenBreakRead(List.of(new OpenBreakFigure("acme", "A", "EUR", 4, 40)), true);
    reads.put("acme", cut);
    reads.put(
        "globex", OpenBreakRead.complete(List.of(new OpenBreakFigure("globex", "B", "EUR", 1, 1))));
    List<OptionalLong> totals = new ArrayList<>();
    OpenBreakGauges gauges =
        new OpenBreakGauges(
            reads::get, KnownTenants.named(List.of("acme", "globex")), registry, totals::add);

    Logger logger = (Logger) LoggerFactory.getLogger(OpenBreakGauges.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      gauges.refresh();
      gauges.refresh();
      reads.put("acme", OpenBreakRead.complete(cut.figures()));
      gauges.refresh();
      reads.put("acme", cut);
      gauges.refresh();
    } finally {
      logger.detachAppender(log);
    }
    List<ILoggingEvent> warnings = log.list;

    assertThat(registry.scrape())
        .contains("recon_open_breaks_truncated_total{tenant=\"acme\"} 3.0")
        .doesNotContain("recon_open_breaks_truncated_total{tenant=\"globex\"}")
        .contains("recon_breaks_open_count{reason=\"A\",tenant=\"acme\"} 4.0");
    // the kept reasons still count: the total is a lower bound, published, not withheld
    assertThat(totals).containsOnly(OptionalLong.of(5)).hasSize(4);
    // once when it was first cut, once again after a complete read in between
    assertThat(warnings)
        .extracting(ILoggingEvent::getFormattedMessage)
        .filteredOn(m -> m.contains("tenant acme") && m.contains("lower bound"))
        .hasSize(2);
    assertThat(warnings)
        .extracting(ILoggingEvent::getFormattedMessage)
        .noneMatch(m -> m.contains("globex"));
  }

  @Test
  void knownTenantsRefuseInvalidIdsAndCountThem() {
    KnownTenants tenants = KnownTenants.named(List.of("acme"));
    tenants.add("not a tenant; drop table");
    tenants.add("acme");
    assertThat(tenants.all()).containsExactly("acme");
    assertThat(tenants.refused()).isEqualTo(1);
  }
}
