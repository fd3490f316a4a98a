package dev.recon.app.connectors;

import dev.recon.app.schedule.ScheduleKeys;
import dev.recon.ingestion.email.AttachmentType;
import dev.recon.ingestion.email.InvalidMailboxConfigException;
import dev.recon.ingestion.email.MailboxConfig;
import dev.recon.ingestion.email.MailboxPoller;
import dev.recon.ingestion.email.PollSummary;
import dev.recon.ingestion.schedule.CronSchedule;
import dev.recon.ingestion.schedule.TaskOutcome;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of {@code connectors.email}:
 *
 * <pre>
 * email:
 *   - tenant: acme
 *     schedule: "*&#47;5 * * * *"
 *     host: imap.example.com
 *     username: recon@example.com
 *     password: env:ACME_IMAP_PASSWORD
 *     allowedSenders: [reports@psp.example, "@bank.example"]
 *     psp: adyen                       # optional, and so are the keys below
 *     formatHint: adyen-settlement-detail
 *     port: 993
 *     folder: INBOX
 *     processedFolder: Processed
 *     rejectedFolder: Rejected
 *     allowedTypes: [csv, xml, zip]
 * </pre>
 */
record EmailSection(
    String id,
    String tenant,
    String schedule,
    String host,
    Integer port,
    String username,
    String password,
    String folder,
    List<String> allowedSenders,
    List<String> allowedTypes,
    String processedFolder,
    String rejectedFolder,
    String psp,
    String formatHint,
    Boolean plainImapForDevelopmentOnly) {

  PlannedPoll toPoll(String file, int index, ZoneId zone, List<String> errors) {
    String where = file + ": connectors.email[" + index + "]";
    int before = errors.size();
    CronSchedule cron = ScheduleKeys.cron(schedule, zone, where, errors);
    Set<AttachmentType> types = EnumSet.noneOf(AttachmentType.class);
    for (String t : Objects.requireNonNullElse(allowedTypes, List.<String>of())) {
      try {
        types.add(AttachmentType.valueOf(t.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.add(
            where + ".allowedTypes: '" + t + "' is not one of " + List.of(AttachmentType.values()));
      }
    }
    MailboxConfig.Builder b =
        MailboxConfig.builder()
            .tenantId(tenant)
            .host(host)
            .username(username)
            .passwordSecret(password)
            .allowedSenders(Objects.requireNonNullElse(allowedSenders, List.of()))
            .processedFolder(processedFolder)
            .rejectedFolder(rejectedFolder)
            .psp(psp)
            .formatHint(formatHint)
            .plainImapForDevelopmentOnly(Boolean.TRUE.equals(plainImapForDevelopmentOnly));
    if (id != null) {
      b.connectorId(id);
    }
    if (port != null) {
      b.port(port);
    }
    if (folder != null) {
      b.folder(folder);
    }
    if (!types.isEmpty()) {
      b.allowedTypes(types);
    }
    MailboxConfig config;
    try {
      config = b.build();
    } catch (InvalidMailboxConfigException e) {
      e.errors().forEach(problem -> errors.add(where + ": " + problem));
      return null;
    }
    if (errors.size() != before) {
      return null;
    }
    String taskId =
        "email:" + config.tenantId() + ":" + config.connectorId() + ":" + config.folder();
    return new PlannedPoll(
        taskId,
        cron,
        PlannedPoll.DEFAULT_LEASE,
        services -> {
          MailboxPoller poller =
              new MailboxPoller(
                  config,
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
    return TaskOutcome.succeeded(
        "examined "
            + s.messagesExamined()
            + ", processed "
            + s.messagesProcessed()
            + ", rejected "
            + s.messagesRejected()
            + "; attachments published "
            + s.attachmentsPublished()
            + ", duplicate "
            + s.attachmentsDuplicate()
            + ", refused "
            + s.attachmentsRefused());
  }
}
