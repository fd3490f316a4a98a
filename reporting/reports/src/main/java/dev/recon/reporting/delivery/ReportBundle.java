package dev.recon.reporting.delivery;

import dev.recon.ledger.posting.JournalEntryInvariants;
import dev.recon.reporting.render.ReportDocument;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The documents of one report for one tenant and period, delivered together. They are stored under
 * {@code <tenant>/<report>/<period>/<file name>}, so a period's files sit side by side and a rerun
 * replaces them.
 *
 * @param report what report this is, e.g. "daily" or "month-end"
 * @param period what it covers, e.g. "2026-01-31" or "2026-01"
 */
public record ReportBundle(
    String tenant, String report, String period, List<ReportDocument> documents) {

  /** Documents per bundle: the daily report in every format is 12 files. */
  public static final int MAX_DOCUMENTS = 50;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public ReportBundle {
    if (!JournalEntryInvariants.isTenantId(tenant)) {
      throw new IllegalArgumentException("not a tenant id: " + tenant);
    }
    requireSegment("report", report);
    requireSegment("period", period);
    documents = List.copyOf(documents);
    if (documents.isEmpty() || documents.size() > MAX_DOCUMENTS) {
      throw new IllegalArgumentException("a bundle holds 1-" + MAX_DOCUMENTS + " documents");
    }
    Set<String> names = new HashSet<>();
    for (ReportDocument d : documents) {
      if (!names.add(d.fileName())) {
        throw new IllegalArgumentException("two documents named " + d.fileName());
      }
    }
  }

  /** "acme/daily/2026-01-31/" */
  public String folder() {
    return tenant + "/" + report + "/" + period + "/";
  }

  public long totalBytes() {
    return documents.stream().mapToLong(ReportDocument::size).sum();
  }

  private static void requireSegment(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!SEGMENT.matcher(value).matches() || value.contains("..")) {
      throw new IllegalArgumentException(what + " must match " + SEGMENT.pattern() + ": " + value);
    }
  }
}
