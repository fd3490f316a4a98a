package dev.recon.reporting.casework.audit;

import java.util.Objects;

/**
 * What verifying a tenant's audit trail found: every link holds ({@link #intact}), or the first
 * event whose link is broken and why.
 *
 * @param eventsChecked events read up to and including the first broken one
 * @param firstBrokenSeq the seq of the first event that does not link, 0 when intact
 * @param problem what is wrong with it, empty when intact
 */
public record ChainVerification(
    String tenantId, boolean intact, long eventsChecked, long firstBrokenSeq, String problem) {

  public ChainVerification {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(problem, "problem");
  }

  static ChainVerification ok(String tenantId, long events) {
    return new ChainVerification(tenantId, true, events, 0, "");
  }

  static ChainVerification broken(String tenantId, long checked, long seq, String problem) {
    return new ChainVerification(tenantId, false, checked, seq, problem);
  }

  /** One line for a command's output, e.g. {@code tenant t1: OK, 12 events}. */
  public String describe() {
    return intact
        ? "tenant " + tenantId + ": OK, " + eventsChecked + " events"
        : "tenant " + tenantId + ": BROKEN at event " + firstBrokenSeq + ": " + problem;
  }
}
