package dev.recon.app.pipeline;

import dev.recon.schemas.kafka.Topics;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The topics one pipeline instance reads and writes. The long-running platform uses the shared
 * names of {@link Topics}; a bounded {@code recon reconcile} run gets its own namespace, so that
 * its files never mix with live traffic and its jobs read exactly what it published.
 */
public record RunTopics(
    String raw,
    String payments,
    String expected,
    String bank,
    String deadLetters,
    String matches,
    String exceptions,
    String resolutions) {

  private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9_-]");

  /** Kafka refuses topic names longer than 249 characters; keep well below with the suffixes. */
  static final int MAX_RUN_ID_LENGTH = 100;

  public static RunTopics shared() {
    return new RunTopics(
        Topics.RAW,
        Topics.PAYMENT_EVENTS,
        Topics.EXPECTED_PAYMENTS,
        Topics.BANK_LINES,
        Topics.DEAD_LETTERS,
        Topics.MATCHES,
        Topics.EXCEPTIONS,
        Topics.EXCEPTION_RESOLUTIONS);
  }

  public static RunTopics forRun(String runId) {
    String id = UNSAFE.matcher(runId.toLowerCase(Locale.ROOT)).replaceAll("_");
    if (id.isEmpty() || id.length() > MAX_RUN_ID_LENGTH) {
      throw new IllegalArgumentException("run id must be 1.." + MAX_RUN_ID_LENGTH + " characters");
    }
    String p = "recon.run." + id + ".";
    return new RunTopics(
        p + "raw",
        p + "events.payments",
        p + "events.expected",
        p + "events.bank",
        p + "deadletter",
        p + "matches",
        p + "exceptions",
        p + "exceptions.resolved");
  }

  public List<String> all() {
    return List.of(raw, payments, expected, bank, deadLetters, matches, exceptions, resolutions);
  }
}
