package dev.recon.app.bench;

import java.util.List;

/**
 * The topics of one {@code recon bench match} run, under a prefix of its own: the matching job's
 * three inputs and three outputs, and the pass-through job's copies of the inputs.
 */
record BenchTopics(
    String expected,
    String payments,
    String bank,
    String matches,
    String exceptions,
    String resolutions,
    String journal,
    String copiedExpected,
    String copiedPayments,
    String copiedBank) {

  static BenchTopics forRun(String runId) {
    String p = "recon.bench." + runId + ".";
    return new BenchTopics(
        p + "events.expected",
        p + "events.payments",
        p + "events.bank",
        p + "matches",
        p + "exceptions",
        p + "exceptions.resolved",
        p + "journal",
        p + "copy.expected",
        p + "copy.payments",
        p + "copy.bank");
  }

  List<String> inputs() {
    return List.of(expected, payments, bank);
  }

  List<String> copies() {
    return List.of(copiedExpected, copiedPayments, copiedBank);
  }

  List<String> all() {
    return List.of(
        expected,
        payments,
        bank,
        matches,
        exceptions,
        journal,
        copiedExpected,
        copiedPayments,
        copiedBank);
  }
}
