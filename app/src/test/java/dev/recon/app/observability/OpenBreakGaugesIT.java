package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.app.platform.EmbeddedPostgresServer;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.reporting.access.AccessDatabase;
import dev.recon.reporting.access.DemoUsers;
import dev.recon.reporting.access.PasswordPolicy;
import dev.recon.reporting.access.TotpKey;
import dev.recon.reporting.access.TotpKeyring;
import dev.recon.reporting.access.Users;
import dev.recon.reporting.casework.CaseStore;
import dev.recon.reporting.casework.CaseworkDatabase;
import dev.recon.reporting.casework.RunOutputs;
import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.ReconException;
import dev.recon.schemas.RecordKind;
import dev.recon.schemas.ResolutionKind;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The open-break gauges over a real casework store: breaks raised by a run, one resolved later, two
 * tenants side by side, read through the application role.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OpenBreakGaugesIT {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String APP_USER = "gauges_app_login";
  private static final String APP_PASSWORD = "gauges-app-password-1";

  private static EmbeddedPostgresServer server;
  private static DataSource app;

  @BeforeAll
  static void database() throws Exception {
    server = EmbeddedPostgresServer.startTemporary();
    DataSource owner = server.reconDataSource();
    CaseworkDatabase.migrate(owner);
    AccessDatabase.migrate(owner);
    LedgerDatabase.provisionAppLogin(owner, APP_USER, APP_PASSWORD.toCharArray());
    app = server.dataSource(EmbeddedPostgresServer.DATABASE, APP_USER, APP_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void showOpenBreaksPerTenantUntilResolvedAndNeverMixTenants() {
    CaseStore store = new CaseStore(app, Clock.fixed(NOW, ZoneOffset.UTC));
    store.recordRun(
        run(
            "acme",
            List.of(
                exception("acme", "x-1", "MISSING_IN_PSP", 1_000, "EUR"),
                exception("acme", "x-2", "MISSING_IN_PSP", -250, "EUR"),
                exception("acme", "x-3", "MISSING_IN_PSP", 40, "USD"),
                exception("acme", "x-4", "AMOUNT_MISMATCH", 7, "EUR")),
            List.of()));
    // the same reason and currency in another tenant, with an amount that would show if mixed in
    store.recordRun(
        run(
            "globex",
            List.of(exception("globex", "x-1", "MISSING_IN_PSP", 900_000, "EUR")),
            List.of()));
    // a tenant with UI users and no breaks: known through the access schema, and shows nothing
    new DemoUsers(
            new Users(
                app,
                Clock.systemUTC(),
                PasswordPolicy.standard(),
                TotpKeyring.of(TotpKey.generate())))
        .create("initech");

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    KnownTenants tenants = KnownTenants.withMemberships(app);
    tenants.add("acme");
    tenants.add("globex");
    OpenBreakGauges gauges =
        new OpenBreakGauges(new OpenBreakReader(app)::openBreaks, tenants, registry);

    gauges.refresh();
    assertThat(tenants.all()).containsExactly("acme", "globex", "initech");
    String scrape = registry.scrape();
    assertThat(value(scrape, "recon_breaks_open_count", "acme", "MISSING_IN_PSP", null))
        .isEqualTo(3);
    assertThat(value(scrape, "recon_breaks_open_count", "acme", "AMOUNT_MISMATCH", null))
        .isEqualTo(1);
    assertThat(value(scrape, "recon_breaks_open_amount_minor", "acme", "MISSING_IN_PSP", "EUR"))
        .as("amounts at risk are absolute")
        .isEqualTo(1_250);
    assertThat(value(scrape, "recon_breaks_open_amount_minor", "acme", "MISSING_IN_PSP", "USD"))
        .isEqualTo(40);
    assertThat(value(scrape, "recon_breaks_open_count", "globex", "MISSING_IN_PSP", null))
        .isEqualTo(1);
    assertThat(value(scrape, "recon_breaks_open_amount_minor", "globex", "MISSING_IN_PSP", "EUR"))
        .isEqualTo(900_000);
    assertThat(scrape).doesNotContain("tenant=\"initech\"");

    // x-1 of acme matched late; globex's x-1 (same id, other tenant) stays open
    store.recordRun(run("acme", List.of(), List.of(resolution("acme", "x-1"))));
    gauges.refresh();
    scrape = registry.scrape();
    assertThat(value(scrape, "recon_breaks_open_count", "acme", "MISSING_IN_PSP", null))
        .isEqualTo(2);
    assertThat(value(scrape, "recon_breaks_open_amount_minor", "acme", "MISSING_IN_PSP", "EUR"))
        .isEqualTo(250);
    assertThat(value(scrape, "recon_breaks_open_count", "globex", "MISSING_IN_PSP", null))
        .isEqualTo(1);
    assertThat(value(scrape, "recon_breaks_open_amount_minor", "globex", "MISSING_IN_PSP", "EUR"))
        .isEqualTo(900_000);
    assertThat(value(scrape, "recon_breaks_open_dropped", null, null, null)).isZero();
  }

  @Test
  void aTenantsReadSeesOnlyItsOwnRowsAndNeverRunsAsARoleThatBypassesRowLevelSecurity() {
    assertThat(new OpenBreakReader(app).openBreaks("umbrella"))
        .isEqualTo(OpenBreakRead.complete(List.of()));
    assertThatThrownBy(() -> new OpenBreakReader(server.reconDataSource()).openBreaks("acme"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("row-level security");
  }

  /** The value of the one sample of {@code metric} with exactly these labels (null: absent). */
  private static long value(
      String scrape, String metric, String tenant, String reason, String currency) {
    List<String> samples =
        scrape
            .lines()
            .filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
            .filter(l -> tenant == null || l.contains("tenant=\"" + tenant + "\""))
            .filter(l -> reason == null || l.contains("reason=\"" + reason + "\""))
            .filter(l -> currency == null || l.contains("currency=\"" + currency + "\""))
            .toList();
    assertThat(samples).as(metric + " " + tenant + " " + reason + " " + currency).hasSize(1);
    String line = samples.get(0);
    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static RunOutputs run(
      String tenant, List<ReconException> exceptions, List<ExceptionResolution> resolutions) {
    return new RunOutputs(
        tenant,
        "gauges test",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        exceptions,
        resolutions,
        List.of());
  }

  private static ReconException exception(
      String tenant, String id, String reason, long amount, String currency) {
    return ReconException.newBuilder()
        .setExceptionId(id)
        .setTenantId(tenant)
        .setLevel(MatchLevel.L1)
        .setReason(reason)
        .setRecordKind(RecordKind.PSP_TXN)
        .setRecordId("rec-" + id)
        .setAmountMinor(amount)
        .setCurrency(currency)
        .setRecordTime(NOW.minusSeconds(86_400))
        .setDetectedAt(NOW.minusSeconds(3_600))
        .build();
  }

  private static ExceptionResolution resolution(String tenant, String exceptionId) {
    return ExceptionResolution.newBuilder()
        .setResolutionId("r-" + exceptionId)
        .setExceptionId(exceptionId)
        .setTenantId(tenant)
        .setHow(ResolutionKind.LATE_MATCH)
        .setMatchId("m-late")
        .setRecordKind(RecordKind.PSP_TXN)
        .setRecordId("rec-" + exceptionId)
        .setExceptionDetectedAt(NOW.minusSeconds(3_600))
        .setResolvedAt(NOW.minusSeconds(60))
        .build();
  }
}
