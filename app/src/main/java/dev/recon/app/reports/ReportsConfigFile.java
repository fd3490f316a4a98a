package dev.recon.app.reports;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recon.app.platform.ConfigKeyPath;
import dev.recon.app.platform.PlatformConfigFile;
import dev.recon.app.schedule.ScheduleKeys;
import dev.recon.ingestion.schedule.CronSchedule;
import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.reporting.delivery.EmailDelivery;
import dev.recon.reporting.delivery.ReportKind;
import dev.recon.reporting.delivery.ReportSchedule;
import dev.recon.reporting.delivery.ScheduledReport;
import dev.recon.reporting.export.AnalystDatasets;
import dev.recon.reporting.export.ExportFormat;
import dev.recon.reporting.render.ReportFormat;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code reports} and {@code exports} sections of the platform's config file (the file
 * users already give {@code recon run} for its connectors and scheduled reconciliations):
 *
 * <pre>
 * reports:
 *   destination: /data/reports          # or s3://bucket/reports/ (s3Endpoint, region optional)
 *   smtp: {host: smtp.example.com, port: 587, username: recon@example.com,
 *          password: "env:RECON_SMTP_PASSWORD", from: recon@example.com}
 *   schedules:
 *     - {tenant: acme, kind: month-end, schedule: "0 6 1 * *", zone: Europe/Amsterdam,
 *        formats: [html, pdf, xlsx], recipients: [finance@acme.example]}
 *     - {tenant: acme, kind: daily, schedule: "0 7 * * *", zone: Europe/Amsterdam,
 *        formats: [html, csv]}             # the day before the cron time, in the zone
 * exports:
 *   schedule: "0 2 * * *"
 *   zone: UTC
 *   tenants: [acme]
 *   formats: [parquet]                   # parquet and/or csv; default parquet
 *   datasets: [journal_entries, postings] # default: all
 *   destination: s3://bucket/exports/
 * </pre>
 *
 * Every problem is listed with the file and key path; recipients and secrets are never quoted.
 */
public final class ReportsConfigFile {

  /** The most tenants one export schedule covers. */
  public static final int MAX_EXPORT_TENANTS = ReportSchedule.MAX_SCHEDULES;

  /** RFC 5321's limit on an address. */
  public static final int MAX_ADDRESS_CHARS = 254;

  public static final int MAX_REGION_CHARS = 64;

  static final int DEFAULT_SMTP_PORT = 587;

  /** The kinds a schedule names, as its storage folder does. */
  static final String KINDS =
      ReportKind.DAILY.folderName() + " or " + ReportKind.MONTH_END.folderName();

  record ReportsSection(
      String destination,
      String s3Endpoint,
      String region,
      SmtpSection smtp,
      List<ScheduleEntry> schedules) {}

  record SmtpSection(
      String host, Integer port, Boolean startTls, String username, String password, String from) {}

  record ScheduleEntry(
      String tenant,
      String kind,
      String schedule,
      String zone,
      List<String> formats,
      List<String> recipients) {}

  record ExportsSection(
      String schedule,
      String zone,
      List<String> tenants,
      List<String> formats,
      List<String> datasets,
      String destination,
      String s3Endpoint,
      String region) {}

  /** The plan and every problem found; the plan is empty when there are problems. */
  public record Contents(ReportsPlan plan, List<String> errors) {
    public Contents {
      Objects.requireNonNull(plan, "plan");
      errors = List.copyOf(errors);
    }
  }

  private ReportsConfigFile() {}

  /**
   * Reads the sections of {@code file}; no file gives an empty plan.
   *
   * @param secrets resolves the SMTP password's reference, to refuse an unresolvable one at start
   */
  public static Contents read(Path file, SecretResolver secrets) {
    if (file == null) {
      return new Contents(ReportsPlan.none(), List.of());
    }
    List<String> errors = new ArrayList<>();
    return PlatformConfigFile.readText(file, errors)
        .map(text -> parse(text, file.toString(), secrets))
        .orElseGet(() -> new Contents(ReportsPlan.none(), errors));
  }

  public static Contents parse(String yaml, String name, SecretResolver secrets) {
    if (yaml.length() > PlatformConfigFile.MAX_FILE_BYTES) {
      return failed(
          List.of(name + ": config file larger than " + PlatformConfigFile.MAX_FILE_BYTES));
    }
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (JacksonException e) {
      // never the parser's message: it quotes the offending text
      return failed(List.of(name + ": not valid YAML"));
    }
    List<String> errors = new ArrayList<>();
    ReportsSection reports = section(mapper, root, "reports", ReportsSection.class, name, errors);
    ExportsSection exports = section(mapper, root, "exports", ExportsSection.class, name, errors);
    List<ScheduledReport> scheduled = new ArrayList<>();
    Optional<StorageLocation> destination = Optional.empty();
    Optional<SmtpPlan> smtp = Optional.empty();
    if (reports != null) {
      String where = name + ": reports";
      List<ScheduleEntry> entries = Objects.requireNonNullElse(reports.schedules(), List.of());
      if (entries.size() > ReportSchedule.MAX_SCHEDULES) {
        errors.add(where + ".schedules: more than " + ReportSchedule.MAX_SCHEDULES + " schedules");
      }
      Set<String> keys = new HashSet<>();
      boolean anyRecipients = false;
      for (int i = 0; i < entries.size() && i <= ReportSchedule.MAX_SCHEDULES; i++) {
        ScheduledReport r = schedule(entries.get(i), where + ".schedules[" + i + "]", errors);
        if (r != null && !keys.add(r.tenant() + " " + ReportScheduler.stateKey(r))) {
          errors.add(
              where
                  + ".schedules["
                  + i
                  + "]: the same tenant, kind, schedule and zone as an earlier entry");
        } else if (r != null) {
          scheduled.add(r);
        }
        anyRecipients |=
            entries.get(i) != null
                && entries.get(i).recipients() != null
                && !entries.get(i).recipients().isEmpty();
      }
      if (reports.destination() == null) {
        if (!entries.isEmpty()) {
          errors.add(where + ".destination: missing (a folder or s3://bucket/prefix/)");
        }
      } else {
        destination =
            Optional.ofNullable(
                location(
                    reports.destination(), reports.s3Endpoint(), reports.region(), where, errors));
      }
      if (reports.smtp() != null) {
        smtp = Optional.ofNullable(smtp(reports.smtp(), where + ".smtp", secrets, errors));
      } else if (anyRecipients) {
        errors.add(where + ".smtp: missing, but schedules name recipients");
      }
    }
    Optional<ExportPlan> exportPlan = Optional.empty();
    if (exports != null) {
      exportPlan = Optional.ofNullable(exports(exports, name + ": exports", errors));
    }
    if (!errors.isEmpty()) {
      return failed(errors);
    }
    ReportsPlan plan =
        new ReportsPlan(
            scheduled, scheduled.isEmpty() ? Optional.empty() : destination, smtp, exportPlan);
    return new Contents(plan, List.of());
  }

  private static <T> T section(
      ObjectMapper mapper,
      JsonNode root,
      String key,
      Class<T> type,
      String name,
      List<String> errors) {
    JsonNode node = root == null ? null : root.get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return mapper.treeToValue(node, type);
    } catch (UnrecognizedPropertyException e) {
      errors.add(
          name
              + ": "
              + key
              + ConfigKeyPath.of(e)
              + ": unknown key (known: "
              + e.getKnownPropertyIds()
              + ")");
    } catch (JacksonException e) {
      String at = ConfigKeyPath.of(e);
      errors.add(name + ": " + key + at + ": not the expected shape");
    }
    return null;
  }

  private static ScheduledReport schedule(ScheduleEntry e, String where, List<String> errors) {
    if (e == null) {
      errors.add(where + ": empty entry");
      return null;
    }
    int before = errors.size();
    if (!TenantTransactions.isTenantId(e.tenant())) {
      errors.add(where + ".tenant: missing or not a tenant id");
    }
    ReportKind kind = null;
    if (e.kind() == null) {
      errors.add(where + ".kind: missing (" + KINDS + ")");
    } else {
      for (ReportKind k : ReportKind.values()) {
        if (k.folderName().equals(e.kind())) {
          kind = k;
        }
      }
      if (kind == null) {
        errors.add(where + ".kind: '" + shorten(e.kind()) + "' is not " + KINDS);
      }
    }
    ZoneId zone = ScheduleKeys.zone(e.zone(), where, errors);
    CronSchedule cron = ScheduleKeys.cron(e.schedule(), zone, where, errors);
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    List<String> formatNames = Objects.requireNonNullElse(e.formats(), List.of());
    if (formatNames.isEmpty()) {
      errors.add(where + ".formats: missing (one or more of html, pdf, xlsx, csv)");
    }
    for (int j = 0; j < formatNames.size() && j < ReportFormat.values().length * 2; j++) {
      try {
        formats.addAll(ReportFormat.parseList(Objects.requireNonNullElse(formatNames.get(j), "")));
      } catch (IllegalArgumentException ex) {
        errors.add(where + ".formats[" + j + "]: not one of html, pdf, xlsx, csv");
      }
    }
    List<String> recipients = Objects.requireNonNullElse(e.recipients(), List.of());
    if (recipients.size() > EmailDelivery.MAX_RECIPIENTS) {
      errors.add(where + ".recipients: more than " + EmailDelivery.MAX_RECIPIENTS);
    } else {
      for (int j = 0; j < recipients.size(); j++) {
        if (!isAddress(recipients.get(j))) {
          errors.add(where + ".recipients[" + j + "]: not an email address");
        }
      }
    }
    if (errors.size() != before) {
      return null;
    }
    return new ScheduledReport(e.tenant(), kind, cron.expression(), zone, formats, recipients);
  }

  private static SmtpPlan smtp(
      SmtpSection s, String where, SecretResolver secrets, List<String> errors) {
    int before = errors.size();
    if (s.host() == null || s.host().isBlank() || s.host().length() > MAX_ADDRESS_CHARS) {
      errors.add(where + ".host: missing or too long");
    }
    int port = Objects.requireNonNullElse(s.port(), DEFAULT_SMTP_PORT);
    if (port < 1 || port > 65_535) {
      errors.add(where + ".port: must be 1-65535");
    }
    if (!isAddress(s.from())) {
      errors.add(where + ".from: missing or not an email address");
    }
    String username = Objects.requireNonNullElse(s.username(), "");
    if (username.length() > MAX_ADDRESS_CHARS) {
      errors.add(where + ".username: longer than " + MAX_ADDRESS_CHARS + " characters");
    }
    SecretReference password = null;
    if (s.password() == null) {
      if (!username.isEmpty()) {
        errors.add(where + ".password: missing (a secret reference: env:, file: or aws-sm:)");
      }
    } else if (username.isEmpty()) {
      errors.add(where + ".username: missing (a password is given)");
    } else {
      try {
        password = SecretReference.parse(s.password());
        secrets.resolve(password);
      } catch (IllegalArgumentException e) {
        // the message of SecretReference.parse never repeats the text, which may be a secret
        errors.add(where + ".password: " + e.getMessage());
      } catch (RuntimeException e) {
        errors.add(
            where + ".password: secret reference cannot be resolved: " + password.toString());
      }
    }
    if (errors.size() != before) {
      return null;
    }
    return new SmtpPlan(
        s.host().strip(),
        port,
        !Boolean.FALSE.equals(s.startTls()),
        username,
        password,
        s.from().strip());
  }

  private static ExportPlan exports(ExportsSection s, String where, List<String> errors) {
    int before = errors.size();
    ZoneId zone = ScheduleKeys.zone(s.zone(), where, errors);
    CronSchedule cron = ScheduleKeys.cron(s.schedule(), zone, where, errors);
    List<String> tenants = Objects.requireNonNullElse(s.tenants(), List.of());
    if (tenants.isEmpty()) {
      errors.add(where + ".tenants: missing (the tenants to export)");
    } else if (tenants.size() > MAX_EXPORT_TENANTS) {
      errors.add(where + ".tenants: more than " + MAX_EXPORT_TENANTS);
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < tenants.size(); i++) {
        if (!TenantTransactions.isTenantId(tenants.get(i))) {
          errors.add(where + ".tenants[" + i + "]: not a tenant id");
        } else if (!seen.add(tenants.get(i))) {
          errors.add(where + ".tenants[" + i + "]: named twice");
        }
      }
    }
    Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
    List<String> formatNames = Objects.requireNonNullElse(s.formats(), List.of("parquet"));
    if (formatNames.isEmpty()) {
      errors.add(where + ".formats: empty (parquet and/or csv)");
    }
    for (int i = 0; i < formatNames.size() && i < ExportFormat.values().length * 2; i++) {
      try {
        formats.add(
            ExportFormat.valueOf(
                Objects.requireNonNullElse(formatNames.get(i), "")
                    .strip()
                    .toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.add(where + ".formats[" + i + "]: not parquet or csv");
      }
    }
    List<String> datasets = Objects.requireNonNullElse(s.datasets(), AnalystDatasets.names());
    if (datasets.isEmpty()) {
      errors.add(where + ".datasets: empty (leave out for all)");
    }
    for (int i = 0; i < datasets.size() && i < AnalystDatasets.names().size() * 2; i++) {
      if (!AnalystDatasets.names().contains(datasets.get(i))) {
        errors.add(
            where
                + ".datasets["
                + i
                + "]: not one of "
                + String.join(", ", AnalystDatasets.names()));
      }
    }
    StorageLocation to = null;
    if (s.destination() == null) {
      errors.add(where + ".destination: missing (a folder or s3://bucket/prefix/)");
    } else {
      to = location(s.destination(), s.s3Endpoint(), s.region(), where, errors);
    }
    if (errors.size() != before) {
      return null;
    }
    return new ExportPlan(cron, tenants, formats, datasets, to);
  }

  private static StorageLocation location(
      String to, String endpoint, String region, String where, List<String> errors) {
    URI uri = null;
    if (endpoint != null) {
      try {
        uri = new URI(endpoint);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
            || uri.getHost() == null) {
          errors.add(where + ".s3Endpoint: not an http(s) URL");
        }
      } catch (URISyntaxException e) {
        errors.add(where + ".s3Endpoint: not an http(s) URL");
      }
    }
    if (region != null && (region.isBlank() || region.length() > MAX_REGION_CHARS)) {
      errors.add(where + ".region: empty or longer than " + MAX_REGION_CHARS + " characters");
    }
    try {
      StorageLocation location = StorageLocation.parse(to, uri, region);
      if (!location.isS3() && (endpoint != null || region != null)) {
        errors.add(where + ": s3Endpoint and region apply to an s3:// destination only");
      }
      return location;
    } catch (IllegalArgumentException e) {
      errors.add(where + ".destination: " + e.getMessage());
      return null;
    }
  }

  private static boolean isAddress(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_ADDRESS_CHARS) {
      return false;
    }
    try {
      new InternetAddress(text, true).validate();
      return true;
    } catch (AddressException e) {
      return false;
    }
  }

  private static String shorten(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "…";
  }

  private static Contents failed(List<String> errors) {
    return new Contents(ReportsPlan.none(), errors);
  }
}
