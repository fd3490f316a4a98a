package dev.recon.ingestion.api.adyen;

import dev.recon.ingestion.api.OffsetFields;
import java.util.Map;

/** The last batch whose report is in Kafka; the next poll asks for the one after it. */
public record AdyenReportProgress(long lastBatch) {

  public AdyenReportProgress {
    if (lastBatch < 0) {
      throw new IllegalArgumentException("last batch must not be negative");
    }
  }

  /** Before any download: the next batch is {@code firstBatch}. */
  public static AdyenReportProgress before(long firstBatch) {
    return new AdyenReportProgress(firstBatch - 1);
  }

  public long nextBatch() {
    return lastBatch + 1;
  }

  public AdyenReportProgress advanced() {
    return new AdyenReportProgress(nextBatch());
  }

  public Map<String, String> toMap() {
    return Map.of("last_batch", Long.toString(lastBatch));
  }

  /**
   * @throws IllegalArgumentException when the stored map is not one of ours
   */
  public static AdyenReportProgress fromMap(Map<String, String> m) {
    return new AdyenReportProgress(OffsetFields.number(m, "last_batch"));
  }
}
