package dev.recon.reporting.monthend;

import java.time.Instant;
import java.util.List;

/**
 * Where the month-end pack reads the exceptions open at month end: the casework store (bound by the
 * application), or an in-memory list in tests and bounded runs.
 */
@FunctionalInterface
public interface OpenItems {

  /**
   * The tenant's exceptions that had arisen before {@code at} and were not resolved at {@code at},
   * at most {@code limit} of them (any order).
   */
  List<OpenItem> openAt(String tenant, Instant at, int limit);
}
