package dev.recon.normalization.job;

import dev.recon.normalization.format.ParserLimits;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the normalization job.
 *
 * @param limits bounds on each raw file the parsers accept
 * @param redeliveryWindow how long the job remembers a normalized file, so that a second delivery
 *     of it within this time is dropped; a file arriving again later is normalized again
 */
public record NormalizationSettings(ParserLimits limits, Duration redeliveryWindow)
    implements Serializable {

  /**
   * Connector retries and replays arrive within hours; a month also covers a file a PSP re-sends or
   * an operator re-uploads in the same closing period, at the cost of one small entry per file.
   */
  public static final Duration DEFAULT_REDELIVERY_WINDOW = Duration.ofDays(30);

  /** Beyond a year the remembered keys only grow the state; a replay that old is a new ingest. */
  public static final Duration MAX_REDELIVERY_WINDOW = Duration.ofDays(366);

  public static final NormalizationSettings DEFAULT =
      new NormalizationSettings(ParserLimits.DEFAULT, DEFAULT_REDELIVERY_WINDOW);

  public NormalizationSettings {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(redeliveryWindow, "redeliveryWindow");
    if (redeliveryWindow.toMillis() <= 0 || redeliveryWindow.compareTo(MAX_REDELIVERY_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "redelivery window must be between 1 ms and "
              + MAX_REDELIVERY_WINDOW
              + ": "
              + redeliveryWindow);
    }
  }

  public NormalizationSettings withLimits(ParserLimits newLimits) {
    return new NormalizationSettings(newLimits, redeliveryWindow);
  }

  public NormalizationSettings withRedeliveryWindow(Duration window) {
    return new NormalizationSettings(limits, window);
  }
}
