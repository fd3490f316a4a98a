package dev.recon.reporting.casework.queue;

import java.util.Map;

/** How many breaks a filter selects, in total and per reason code (sorted by reason). */
public record QueueCounts(long total, Map<String, Long> byReason) {

  public QueueCounts {
    byReason = Map.copyOf(byReason);
  }
}
