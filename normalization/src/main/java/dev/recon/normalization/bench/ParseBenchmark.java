package dev.recon.normalization.bench;

import dev.recon.normalization.Normalized;
import dev.recon.normalization.Normalizer;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import dev.recon.normalization.format.RecordSink;
import dev.recon.schemas.Provenance;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;

/**
 * Times the normalization of a generated file in a format's layout: a warm-up pass, then timed
 * passes, all through the same {@link Normalizer} the job and the CLI use, over the file read once
 * into memory. The format is forced, as a connector's format hint would, so detection is not part
 * of the figure. Every pass is checked: exactly the records and control totals the generator
 * tallied, no errors, no findings.
 *
 * <p>Files this large exceed the raw-record limit (one Kafka record) and the per-file row limit;
 * the benchmark lifts those two limits for itself, to time the parsers rather than their refusal.
 */
public final class ParseBenchmark {

  /** Row count accepted by {@link #run(Format, int, PrintStream)}. */
  public static final int MAX_ROWS = ParserLimits.MAX_ROWS_PER_FILE;

  private ParseBenchmark() {}

  /** The formats {@link #run} can generate files for: every format, in {@link Format} order. */
  public static List<Format> formats() {
    return List.copyOf(SyntheticFiles.FORMATS);
  }

  /**
   * Generates a file of {@code rows} rows in memory, parses it once to warm up and once timed,
   * streaming its records, and prints progress and the result to {@code out}.
   *
   * @throws IllegalArgumentException if rows is not between 1 and {@link #MAX_ROWS}
   * @throws IllegalStateException if the parse does not give exactly the generated records and
   *     totals without errors or findings (a bug in the generator or the parser)
   */
  public static ParseBenchResult run(Format format, int rows, PrintStream out) {
    if (rows < 1 || rows > MAX_ROWS) {
      throw new IllegalArgumentException("rows must be between 1 and " + MAX_ROWS + ": " + rows);
    }
    out.printf(Locale.ROOT, "generating %,d rows of %s%n", rows, format.cliName());
    GeneratedFile file = SyntheticFiles.generate(format, rows);
    return measure(
        format,
        file.bytes(),
        file.expected(),
        new ParseBenchSettings(file.bytes().length, 1, false),
        out);
  }

  /**
   * Generates a file of at least {@link ParseBenchSettings#minBytes()} into a temporary directory,
   * reads it into memory once, parses it once to warm up and {@link ParseBenchSettings#passes()}
   * times timed, and prints progress and the result to {@code out}. The file is deleted afterwards.
   *
   * @throws IllegalStateException if a parse does not give exactly the generated records and totals
   *     without errors or findings (a bug in the generator or the parser)
   * @throws UncheckedIOException if the temporary file cannot be written or read
   */
  public static ParseBenchResult run(Format format, ParseBenchSettings settings, PrintStream out) {
    int rows = SyntheticFiles.rowsFor(format, settings.minBytes());
    Path dir = null;
    Path path = null;
    try {
      dir = Files.createTempDirectory("recon-parse-bench");
      path = dir.resolve("bench-" + format.cliName());
      out.printf(Locale.ROOT, "generating %,d rows of %s into %s%n", rows, format.cliName(), path);
      ExpectedOutcome expected = SyntheticFiles.write(format, rows, path);
      byte[] file = Files.readAllBytes(path);
      return measure(format, file, expected, settings, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(path);
      deleteQuietly(dir);
    }
  }

  private static ParseBenchResult measure(
      Format format,
      byte[] file,
      ExpectedOutcome expected,
      ParseBenchSettings settings,
      PrintStream out) {
    ParserLimits limits =
        new ParserLimits(
            Math.max(ParserLimits.MAX_PAYLOAD_BYTES, file.length),
            Integer.MAX_VALUE,
            ParserLimits.MAX_LINE_CHARS,
            ParserLimits.MAX_XML_DEPTH);
    if (file.length > ParserLimits.MAX_PAYLOAD_BYTES || expected.records() > MAX_ROWS) {
      out.printf(
          Locale.ROOT,
          "note: %,d bytes and %,d records exceed the raw-record limit (%,d bytes) or the row"
              + " limit (%,d); both are lifted for this benchmark, which times the parsers%n",
          file.length,
          expected.records(),
          ParserLimits.MAX_PAYLOAD_BYTES,
          ParserLimits.MAX_ROWS_PER_FILE);
    }
    Normalizer normalizer = new Normalizer(limits);
    Provenance provenance = provenance(format);
    boolean collect = settings.collectRecords();

    out.printf(Locale.ROOT, "warm-up pass over %,d bytes%n", file.length);
    pass(normalizer, file, provenance, format, expected, collect);

    int passes = settings.passes();
    long[] wall = new long[passes];
    long[] cpu = new long[passes];
    for (int p = 0; p < passes; p++) {
      // Leftovers of the previous pass are collected here, untimed; this pass's own garbage is
      // collected while it runs, and is timed.
      System.gc();
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      pass(normalizer, file, provenance, format, expected, collect);
      wall[p] = Math.max(1, System.nanoTime() - start);
      cpu[p] = Math.max(1, processCpuNanos() - cpuStart);
      out.printf(
          Locale.ROOT,
          "pass %d: %,d ms, %.1f MB/s%n",
          p + 1,
          TimeUnit.NANOSECONDS.toMillis(wall[p]),
          perSecond(file.length, wall[p]) / 1e6);
    }
    long[] sortedWall = wall.clone();
    Arrays.sort(sortedWall);
    long[] sortedCpu = cpu.clone();
    Arrays.sort(sortedCpu);
    long best = sortedWall[0];
    long median = median(sortedWall);
    ParseBenchResult result =
        new ParseBenchResult(
            format,
            expected.records(),
            file.length,
            TimeUnit.NANOSECONDS.toMillis(best),
            perSecond(expected.records(), best),
            perSecond(file.length, best),
            passes,
            TimeUnit.NANOSECONDS.toMillis(median),
            perSecond(expected.records(), median),
            perSecond(file.length, median),
            perSecond(file.length, median(sortedCpu)),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            !collect);
    out.println(result.summary());
    return result;
  }

  /** One parse, checked against what the generator tallied. */
  private static void pass(
      Normalizer normalizer,
      byte[] file,
      Provenance provenance,
      Format format,
      ExpectedOutcome expected,
      boolean collect) {
    ParseResult result;
    int records;
    if (collect) {
      result = normalizer.normalize(file, provenance, format.cliName()).result();
      records = result.records().size();
    } else {
      CountingSink sink = new CountingSink();
      Normalized normalized = normalizer.normalize(file, provenance, format.cliName(), sink);
      result = normalized.result();
      records = sink.count;
    }
    if (!result.errors().isEmpty()
        || !result.findings().isEmpty()
        || records != expected.records()
        || !result.controlTotals().equals(expected.controlTotals())) {
      throw new IllegalStateException(
          format.cliName()
              + ": generated "
              + expected.records()
              + " records, parsed "
              + records
              + " records and "
              + result.errors().size()
              + " errors, "
              + result.findings().size()
              + " findings"
              + (result.errors().isEmpty() ? "" : ", first error: " + result.errors().get(0))
              + (result.findings().isEmpty() ? "" : ", first finding: " + result.findings().get(0))
              + "; control totals "
              + result.controlTotals()
              + ", expected "
              + expected.controlTotals());
    }
  }

  /** Takes each record as a consumer would and keeps only the count. */
  private static final class CountingSink implements RecordSink {
    private int count;

    @Override
    public void accept(SpecificRecord record) {
      count++;
    }
  }

  private static long median(long[] sorted) {
    int n = sorted.length;
    return (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
  }

  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static long perSecond(long count, long nanos) {
    return (long) (count * (double) TimeUnit.SECONDS.toNanos(1) / nanos);
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A temporary file left behind is not worth failing a finished measurement for.
    }
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
