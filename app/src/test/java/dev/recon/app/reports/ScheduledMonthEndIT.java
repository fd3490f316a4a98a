package dev.recon.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.ingestion.schedule.TaskLeases;
import dev.recon.ingestion.secret.EnvironmentSecrets;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.IngestionDatabase;
import dev.recon.ledger.db.LedgerDatabase;
import dev.recon.reporting.casework.CaseworkDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A month-end schedule of the config file as {@code recon run} starts it, against the embedded
 * PostgreSQL: at its cron time the pack is stored in a folder and mailed through a loopback SMTP
 * server, progress lands in the database, and a restarted scheduler sends nothing twice.
 */
class ScheduledMonthEndIT {

  static final String SMTP_USER = "recon@reports.example";
  static final String SMTP_PASSWORD = "smtp-password-for-the-test";

  @TempDir Path tmp;

  @Test
  @Timeout(180)
  void aScheduledMonthEndIsStoredAndMailedOnceAcrossARestart() throws Exception {
    GreenMail smtp =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.setUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD);
    smtp.start();
    String yaml =
        """
        reports:
          destination: "%s"
          smtp: {host: 127.0.0.1, port: %d, startTls: false, username: "%s",
                 password: "env:RECON_SMTP_PASSWORD", from: "%s"}
          schedules:
            - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", zone: UTC,
               formats: [html, csv], recipients: [finance@acme.example]}
        exports:
          schedule: "0 2 * * *"
          tenants: [acme]
          formats: [csv]
          destination: "%s"
        """
            .formatted(
                tmp.resolve("reports"),
                smtp.getSmtp().getPort(),
                SMTP_USER,
                SMTP_USER,
                tmp.resolve("exports"));
    SecretResolver secrets =
        new SecretResolver(
            List.of(new EnvironmentSecrets(Map.of("RECON_SMTP_PASSWORD", SMTP_PASSWORD))),
            SecretResolver.DEFAULT_TTL,
            java.time.Clock.systemUTC());
    ReportsConfigFile.Contents contents = ReportsConfigFile.parse(yaml, "recon.yaml", secrets);
    assertThat(contents.errors()).isEmpty();
    ReportSchedulerTest.MovingClock clock =
        new ReportSchedulerTest.MovingClock("2026-01-20T12:00:00Z");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();

    try (Platform p =
        Platform.start(
            PlatformConfig.embedded().withDataDir(tmp.resolve("data")),
            db -> {
              LedgerDatabase.migrate(db.ownerDataSource());
              IngestionDatabase.migrate(db.ownerDataSource());
              CaseworkDatabase.migrate(db.ownerDataSource());
              LedgerDatabase.provisionAppLogin(
                  db.ownerDataSource(), db.appUser(), db.appPassword().toCharArray());
            })) {
      var app = p.database().appDataSource();
      ReportScheduler first =
          ReportScheduling.create(
              contents.plan(), app, secrets, meters, clock, Optional.of(new TaskLeases(app)));
      first.wakeUp(); // progress starts now

      clock.set("2026-02-01T06:05:00Z");
      first.wakeUp();

      Path folder = tmp.resolve("reports/acme/month-end/2026-01");
      assertThat(folder.resolve("month-end-2026-01.html")).isRegularFile();
      try (var files = Files.list(folder)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .anyMatch(n -> n.endsWith(".csv"))
            .noneMatch(n -> n.endsWith(".tmp"));
      }
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(mails).hasSize(1);
      assertThat(mails[0].getSubject()).contains("month-end").contains("acme").contains("2026-01");
      assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("finance@acme.example");
      assertThat(count(meters, "month-end", "delivered")).isEqualTo(1);
      assertThat(count(meters, ReportScheduler.EXPORT_KIND, "delivered")).isEqualTo(1);

      ReportScheduler restarted =
          ReportScheduling.create(
              contents.plan(), app, secrets, meters, clock, Optional.of(new TaskLeases(app)));
      clock.set("2026-02-01T06:30:00Z");
      restarted.leasedWakeUp(); // as its thread does: under the lease row
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      var lease = new TaskLeases(app).find(ReportScheduler.TASK_ID).orElseThrow();
      assertThat(lease.leaseOwner()).isNull();
      assertThat(lease.lastOutcome()).isEqualTo("SUCCEEDED");
      assertThat(count(meters, "month-end", "delivered")).isEqualTo(1);

      try (Connection c = p.ownerDataSource().getConnection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select tenant_id, partition_key, offset_map->>'checkedThrough'"
                      + " from ingestion.connector_offsets where connector_id = '"
                      + OffsetProgressStore.CONNECTOR_ID
                      + "' order by partition_key")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("acme");
        assertThat(rs.getString(2)).isEqualTo(ReportScheduler.EXPORTS_KEY);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(2)).isEqualTo("month-end 0 6 1 * * UTC");
        // the restarted pass had nothing due and wrote nothing: the cron time handled stays
        assertThat(rs.getString(3)).isEqualTo("2026-02-01T06:00:00Z");
        assertThat(rs.next()).isFalse();
      }
    } finally {
      smtp.stop();
    }
  }

  private static double count(SimpleMeterRegistry meters, String kind, String outcome) {
    var counter =
        meters.find(ReportScheduler.METER).tag("kind", kind).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
