package dev.recon.normalization.bench;

import dev.recon.normalization.Normalized;
import dev.recon.normalization.Normalizer;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.schemas.Provenance;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Times the normalization of one generated file of {@code rows} rows in a format's layout: a
 * warm-up pass, then a timed pass, both through the same {@link Normalizer} the job and the CLI
 * use. The format is forced, as a connector's format hint would, so detection is not part of the
 * figure.
 */
public final class ParseBenchmark {

  /** The parsers' own per-file row limit; a larger benchmark would time the refusal. */
  public static final int MAX_ROWS = ParserLimits.MAX_ROWS_PER_FILE;

  private ParseBenchmark() {}

  /** The formats {@link #run} can generate files for, in {@link Format} order. */
  public static List<Format> formats() {
    return List.copyOf(SyntheticFiles.FORMATS);
  }

  /**
   * Generates the file, parses it once to warm up and once timed, prints progress and the result to
   * {@code out}.
   *
   * @throws IllegalArgumentException if the format is not in {@link #formats()} or rows is not
   *     between 1 and {@link #MAX_ROWS}
   * @throws IllegalStateException if the generated file does not parse into exactly one record per
   *     row without errors or findings (a bug in the generator or the parser)
   */
  public static ParseBenchResult run(Format format, int rows, PrintStream out) {
    if (!SyntheticFiles.FORMATS.contains(format)) {
      throw new IllegalArgumentException(
          "no benchmark layout for " + format.cliName() + "; available: " + names());
    }
    if (rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("rows must be between 1 and " + MAX_ROWS + ": " + rows);
    }
    out.printf(Locale.ROOT, "generating %,d rows of %s%n", rows, format.cliName());
    byte[] file = SyntheticFiles.generate(format, rows);
    // The file may exceed the per-record payload limit at high row counts: time the parser, not
    // the size check, by raising only that limit.
    ParserLimits limits =
        new ParserLimits(
            Math.max(ParserLimits.MAX_PAYLOAD_BYTES, file.length),
            ParserLimits.MAX_ROWS_PER_FILE,
            ParserLimits.MAX_LINE_CHARS,
            ParserLimits.MAX_XML_DEPTH);
    Normalizer normalizer = new Normalizer(limits);
    Provenance provenance = provenance(format);

    out.printf(Locale.ROOT, "warm-up pass over %,d bytes%n", file.length);
    check(format, rows, normalizer.normalize(file, provenance, format.cliName()));

    long start = System.nanoTime();
    Normalized timed = normalizer.normalize(file, provenance, format.cliName());
    long nanos = Math.max(1, System.nanoTime() - start);
    int parsed = check(format, rows, timed);

    ParseBenchResult result =
        new ParseBenchResult(
            format,
            parsed,
            file.length,
            TimeUnit.NANOSECONDS.toMillis(nanos),
            perSecond(parsed, nanos),
            perSecond(file.length, nanos));
    out.println(result.summary());
    return result;
  }

  private static int check(Format format, int rows, Normalized normalized) {
    ParseResult result = normalized.result();
    if (!result.errors().isEmpty()
        || !result.findings().isEmpty()
        || result.records().size() != rows) {
      throw new IllegalStateException(
          format.cliName()
              + ": generated "
              + rows
              + " rows, parsed "
              + result.records().size()
              + " records and "
              + result.errors().size()
              + " errors, "
              + result.findings().size()
              + " findings"
              + (result.errors().isEmpty() ? "" : ", first error: " + result.errors().get(0))
              + (result.findings().isEmpty()
                  ? ""
                  : ", first finding: " + result.findings().get(0)));
    }
    return result.records().size();
  }

  private static long perSecond(long count, long nanos) {
    return (long) (count * (double) TimeUnit.SECONDS.toNanos(1) / nanos);
  }

  private static String names() {
    return String.join(", ", formats().stream().map(Format::cliName).toList());
  }

  private static Provenance provenance(Format format) {
    return Provenance.newBuilder()
        .setTenantId("bench")
        .setSource("bench:" + format.cliName())
        .setFileName("bench-" + format.cliName())
        .setContentSha256("0".repeat(64))
        .setLine(0)
        .setReceivedAt(Instant.EPOCH)
        .build();
  }
}
