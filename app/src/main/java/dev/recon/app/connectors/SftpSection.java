package dev.recon.app.connectors;

import dev.recon.app.schedule.ScheduleKeys;
import dev.recon.ingestion.schedule.CronSchedule;
import dev.recon.ingestion.schedule.TaskOutcome;
import dev.recon.ingestion.sftp.HostKeyTrust;
import dev.recon.ingestion.sftp.PollSummary;
import dev.recon.ingestion.sftp.RuntimeMode;
import dev.recon.ingestion.sftp.SftpAuthentication;
import dev.recon.ingestion.sftp.SftpLimits;
import dev.recon.ingestion.sftp.SftpPoller;
import dev.recon.ingestion.sftp.SftpSourceConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code connectors.sftp}:
 *
 * <pre>
 * sftp:
 *   - tenant: acme
 *     source: adyen-settlement
 *     schedule: "*&#47;10 * * * *"
 *     host: sftp.adyen.example
 *     port: 22
 *     username: acme
 *     password: env:ACME_SFTP_PASSWORD        # or privateKey (+ passphrase) references
 *     knownHostsFile: /etc/recon/known_hosts  # or knownHosts: "host ssh-ed25519 AAAA..."
 *     folder: /outgoing
 *     include: ["settlement_detail_report_batch_*.csv"]
 *     archiveFolder: /outgoing/archive
 *     quarantineFolder: /outgoing/quarantine
 *     psp: adyen
 *     formatHint: adyen-settlement-detail
 *     maxFileBytes: 8388608                   # optional limits
 *     maxFilesPerPoll: 20
 *     quietPeriodSeconds: 30
 * </pre>
 */
record SftpSection(
    String tenant,
    String source,
    String schedule,
    String host,
    Integer port,
    String username,
    String password,
    String privateKey,
    String passphrase,
    String knownHosts,
    String knownHostsFile,
    Boolean trustOnFirstUseForDevelopment,
    String folder,
    List<String> include,
    String archiveFolder,
    String quarantineFolder,
    String psp,
    String formatHint,
    Long maxFileBytes,
    Integer maxFilesPerPoll,
    Integer quietPeriodSeconds) {

  static final int DEFAULT_PORT = 22;

  PlannedPoll toPoll(String file, int index, ZoneId zone, RuntimeMode mode, List<String> errors) {
    String where = file + ": connectors.sftp[" + index + "]";
    int before = errors.size();
    CronSchedule cron = ScheduleKeys.cron(schedule, zone, where, errors);
    SftpAuthentication auth;
    if (password != null && privateKey != null) {
      errors.add(where + ": give password or privateKey, not both");
      auth = null;
    } else if (privateKey != null) {
      auth = new SftpAuthentication.PrivateKey(privateKey, passphrase);
    } else {
      auth = new SftpAuthentication.Password(password);
    }
    HostKeyTrust hostKeys =
        Boolean.TRUE.equals(trustOnFirstUseForDevelopment)
            ? HostKeyTrust.trustOnFirstUseForDevelopment()
            : new HostKeyTrust(knownHosts, knownHostsFile, false);
    SftpLimits defaults = SftpLimits.defaults();
    SftpLimits limits =
        new SftpLimits(
            Objects.requireNonNullElse(maxFileBytes, defaults.maxFileBytes()),
            Objects.requireNonNullElse(maxFilesPerPoll, defaults.maxFilesPerPoll()),
            defaults.connectTimeout(),
            defaults.readTimeout(),
            quietPeriodSeconds == null
                ? defaults.quietPeriod()
                : Duration.ofSeconds(quietPeriodSeconds));
    SftpSourceConfig config =
        new SftpSourceConfig(
            tenant,
            source,
            host,
            Objects.requireNonNullElse(port, DEFAULT_PORT),
            username,
            auth,
            hostKeys,
            folder,
            include,
            archiveFolder,
            quarantineFolder,
            psp,
            formatHint,
            limits);
    config.problems(mode).forEach(p -> errors.add(where + ": " + p));
    if (errors.size() != before) {
      return null;
    }
    return new PlannedPoll(
        "sftp:" + tenant + ":" + source,
        cron,
        PlannedPoll.DEFAULT_LEASE,
        services -> {
          SftpPoller poller =
              new SftpPoller(
                  config,
                  mode,
                  services.publisher(),
                  services.offsets(),
                  services.published(),
                  services.audit(),
                  services.secrets(),
                  services.clock());
          return () -> describe(poller.pollOnce());
        });
  }

  private static TaskOutcome describe(PollSummary s) {
    String text =
        "taken "
            + s.taken()
            + ", duplicates "
            + s.duplicates()
            + ", quarantined "
            + s.quarantined()
            + ", waiting for stability "
            + s.waitingForStability()
            + ", deferred "
            + s.deferred()
            + ", failed "
            + s.failed();
    return s.failed() > 0 ? TaskOutcome.failed(text) : TaskOutcome.succeeded(text);
  }
}
