package dev.recon.app.schedule;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recon.ingestion.schedule.CronSchedule;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the {@code reconciliations} section of the config file:
 *
 * <pre>
 * reconciliations:
 *   - tenant: acme
 *     schedule: "0 7 * * 1-5"
 *     zone: Europe/Amsterdam                    # optional, default UTC
 *     inbox: /data/acme/inbox
 *     expected: ["expected-payments-*.csv"]
 *     psp: ["settlement_detail_report_batch_*.csv"]
 *     bank: ["camt053-*.xml"]
 *     out: /data/acme/reports
 *     rules: /etc/recon/acme-rules.yaml          # optional L2 rules
 * </pre>
 */
public final class ReconciliationsConfigFile {

  public static final int MAX_SCHEDULES = 500;

  record Entry(
      String tenant,
      String schedule,
      String zone,
      String inbox,
      List<String> expected,
      List<String> psp,
      List<String> bank,
      String out,
      String rules) {}

  /** The schedules and every problem; no schedules when there are problems. */
  public record Contents(List<ReconciliationSchedule> schedules, List<String> errors) {
    public Contents {
      schedules = List.copyOf(schedules);
      errors = List.copyOf(errors);
    }
  }

  private ReconciliationsConfigFile() {}

  public static Contents parse(String yaml, String name) {
    ObjectMapper mapper =
        new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Entry[] entries;
    try {
      JsonNode root = mapper.readTree(yaml);
      JsonNode node = root == null ? null : root.get("reconciliations");
      if (node == null || node.isNull()) {
        return new Contents(List.of(), List.of());
      }
      entries = mapper.treeToValue(node, Entry[].class);
    } catch (JacksonException e) {
      // never the parser's message: it quotes the offending text
      return new Contents(
          List.of(), List.of(name + ": reconciliations: not a list of schedules with known keys"));
    }
    List<String> errors = new ArrayList<>();
    List<ReconciliationSchedule> schedules = new ArrayList<>();
    if (entries.length > MAX_SCHEDULES) {
      errors.add(name + ": reconciliations: more than " + MAX_SCHEDULES + " schedules");
    }
    Set<String> taskIds = new HashSet<>();
    for (int i = 0; i < entries.length; i++) {
      ReconciliationSchedule s = convert(entries[i], name + ": reconciliations[" + i + "]", errors);
      if (s != null && !taskIds.add(s.taskId())) {
        errors.add(name + ": reconciliations[" + i + "]: the same tenant and inbox twice");
      } else if (s != null) {
        schedules.add(s);
      }
    }
    return errors.isEmpty() ? new Contents(schedules, List.of()) : new Contents(List.of(), errors);
  }

  private static ReconciliationSchedule convert(Entry e, String where, List<String> errors) {
    int before = errors.size();
    if (e.tenant() == null
        || !dev.recon.ingestion.store.TenantTransactions.isTenantId(e.tenant())) {
      errors.add(where + ".tenant: missing or not a tenant id");
    }
    ZoneId zone = ScheduleKeys.zone(e.zone(), where, errors);
    CronSchedule cron = ScheduleKeys.cron(e.schedule(), zone, where, errors);
    if (e.inbox() == null) {
      errors.add(where + ".inbox: missing (the folder the files are dropped in)");
    }
    if (e.out() == null) {
      errors.add(where + ".out: missing (the folder the reports go to)");
    }
    List<String> expected = Objects.requireNonNullElse(e.expected(), List.of());
    List<String> psp = Objects.requireNonNullElse(e.psp(), List.of());
    List<String> bank = Objects.requireNonNullElse(e.bank(), List.of());
    if (expected.isEmpty() && psp.isEmpty() && bank.isEmpty()) {
      errors.add(where + ": give at least one of expected, psp, bank (file name patterns)");
    }
    for (String pattern : concat(expected, psp, bank)) {
      if (pattern.contains("/") || pattern.contains("..")) {
        errors.add(where + ": pattern '" + pattern + "' must name files in the inbox only");
      }
    }
    if (errors.size() != before) {
      return null;
    }
    return new ReconciliationSchedule(
        e.tenant(),
        cron,
        Path.of(e.inbox()),
        expected,
        psp,
        bank,
        Path.of(e.out()),
        e.rules() == null ? null : Path.of(e.rules()));
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    all.addAll(c);
    return all;
  }
}
