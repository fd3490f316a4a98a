package dev.recon.normalization.bench;

/**
 * How {@link ParseBenchmark} measures a format.
 *
 * @param minBytes the generated file has at least this many bytes (rows are added until it has)
 * @param passes timed passes after the warm-up pass; best and median are reported
 * @param collectRecords parse through the list API, collecting every record into the result as the
 *     tests and the inspect command do, instead of streaming records to a sink as they are parsed;
 *     to measure what collecting costs
 */
public record ParseBenchSettings(long minBytes, int passes, boolean collectRecords) {

  /** 100 MiB: above 100 MB however a megabyte is counted. */
  public static final long DEFAULT_MIN_BYTES = 100L * 1024 * 1024;

  public static final int DEFAULT_PASSES = 5;

  /** A parser reads a byte array, which holds at most 2 GiB; 1 GiB leaves room for the rest. */
  public static final long MAX_BYTES = 1L << 30;

  public static final int MAX_PASSES = 100;

  public static final ParseBenchSettings DEFAULT =
      new ParseBenchSettings(DEFAULT_MIN_BYTES, DEFAULT_PASSES, false);

  public ParseBenchSettings {
    if (minBytes < 1 || minBytes > MAX_BYTES) {
      throw new IllegalArgumentException(
          "file size must be between 1 and " + MAX_BYTES + " bytes: " + minBytes);
    }
    if (passes < 1 || passes > MAX_PASSES) {
      throw new IllegalArgumentException(
          "passes must be between 1 and " + MAX_PASSES + ": " + passes);
    }
  }
}
