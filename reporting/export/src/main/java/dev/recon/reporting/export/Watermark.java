package dev.recon.reporting.export;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where an incremental export stopped: the keyset position (time the row was written, its id) of
 * the last row exported. The next run exports rows strictly after it, so rows sharing a timestamp
 * are neither lost nor repeated.
 */
public record Watermark(Instant at, String id) implements Comparable<Watermark> {

  /** Before every row. */
  public static final Watermark ORIGIN = new Watermark(Instant.EPOCH, "");

  private static final Comparator<Watermark> ORDER =
      Comparator.comparing(Watermark::at).thenComparing(Watermark::id);

  public Watermark {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public int compareTo(Watermark other) {
    return ORDER.compare(this, other);
  }
}
