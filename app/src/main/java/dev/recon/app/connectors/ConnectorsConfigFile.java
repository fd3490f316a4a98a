package dev.recon.app.connectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recon.app.platform.ConfigKeyPath;
import dev.recon.app.platform.PlatformConfigFile;
import dev.recon.app.schedule.ScheduleKeys;
import dev.recon.ingestion.sftp.RuntimeMode;
import dev.recon.ingestion.webhook.config.WebhookSettings;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code connectors} section of the platform's YAML config file (the other sections
 * belong to {@code PlatformConfigFile}): the webhook receiver and the scheduled polls. Every
 * problem is reported with the file and the key path; secret values never appear in a message, as
 * the config holds only references to them.
 */
public final class ConnectorsConfigFile {

  /** Same cap as the platform's config file: it is the same file. */
  public static final int MAX_FILE_BYTES = PlatformConfigFile.MAX_FILE_BYTES;

  /** The most polling connectors one platform schedules. */
  public static final int MAX_POLLS = 1_000;

  /** The section as written; each part is converted and validated into connector settings. */
  record Section(
      String zone,
      Boolean development,
      WebhooksSection webhooks,
      List<EmailSection> email,
      List<SftpSection> sftp,
      List<StripeApiSection> stripe,
      List<AdyenReportSection> adyenReports) {}

  /** The plan and every problem found; the plan is empty when there are problems. */
  public record Contents(ConnectorPlan plan, List<String> errors) {
    public Contents {
      errors = List.copyOf(errors);
    }
  }

  private ConnectorsConfigFile() {}

  public static Contents read(Path file) {
    List<String> errors = new ArrayList<>();
    return PlatformConfigFile.readText(file, errors)
        .map(text -> parse(text, file.toString()))
        .orElseGet(() -> new Contents(ConnectorPlan.none(), errors));
  }

  public static Contents parse(String yaml, String name) {
    if (yaml.length() > MAX_FILE_BYTES) {
      return failed(name + ": config file larger than " + MAX_FILE_BYTES + " bytes");
    }
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    Section section;
    try {
      JsonNode root = mapper.readTree(yaml);
      JsonNode node = root == null ? null : root.get("connectors");
      if (node == null || node.isNull()) {
        return new Contents(ConnectorPlan.none(), List.of());
      }
      section = mapper.treeToValue(node, Section.class);
    } catch (UnrecognizedPropertyException e) {
      return failed(
          name
              + ": connectors"
              + ConfigKeyPath.of(e)
              + ": unknown key (known: "
              + e.getKnownPropertyIds()
              + ")");
    } catch (JacksonException e) {
      // never the parser's message: it quotes the offending text
      return failed(name + ": connectors" + ConfigKeyPath.of(e) + ": not the expected shape");
    }
    return convert(section, name);
  }

  private static Contents convert(Section s, String name) {
    List<String> errors = new ArrayList<>();
    ZoneId zone = ScheduleKeys.zone(s.zone(), name + ": connectors", errors);
    // development relaxes what only a developer's machine may do (trust a new SFTP host key)
    RuntimeMode mode =
        Boolean.TRUE.equals(s.development()) ? RuntimeMode.DEVELOPMENT : RuntimeMode.PRODUCTION;
    Optional<WebhookSettings> webhooks =
        s.webhooks() == null
            ? Optional.empty()
            : Optional.ofNullable(s.webhooks().toSettings(name, errors));
    List<PlannedPoll> polls = new ArrayList<>();
    List<EmailSection> email = Objects.requireNonNullElse(s.email(), List.of());
    for (int i = 0; i < email.size(); i++) {
      add(polls, email.get(i).toPoll(name, i, zone, errors));
    }
    List<SftpSection> sftp = Objects.requireNonNullElse(s.sftp(), List.of());
    for (int i = 0; i < sftp.size(); i++) {
      add(polls, sftp.get(i).toPoll(name, i, zone, mode, errors));
    }
    List<StripeApiSection> stripe = Objects.requireNonNullElse(s.stripe(), List.of());
    for (int i = 0; i < stripe.size(); i++) {
      add(polls, stripe.get(i).toPoll(name, i, zone, errors));
    }
    List<AdyenReportSection> adyen = Objects.requireNonNullElse(s.adyenReports(), List.of());
    for (int i = 0; i < adyen.size(); i++) {
      add(polls, adyen.get(i).toPoll(name, i, zone, errors));
    }
    if (polls.size() > MAX_POLLS) {
      errors.add(name + ": connectors: more than " + MAX_POLLS + " polling connectors");
    }
    Set<String> taskIds = new HashSet<>();
    for (PlannedPoll p : polls) {
      if (!taskIds.add(p.taskId())) {
        errors.add(name + ": connectors: two connectors poll the same source (" + p.taskId() + ")");
      }
    }
    if (!errors.isEmpty()) {
      return new Contents(ConnectorPlan.none(), errors);
    }
    return new Contents(new ConnectorPlan(webhooks, polls), List.of());
  }

  private static void add(List<PlannedPoll> polls, PlannedPoll poll) {
    if (poll != null) {
      polls.add(poll);
    }
  }

  private static Contents failed(String error) {
    return new Contents(ConnectorPlan.none(), List.of(error));
  }
}
