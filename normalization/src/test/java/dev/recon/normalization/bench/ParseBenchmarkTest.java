package dev.recon.normalization.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.Parsers;
import dev.recon.normalization.format.ControlTotal;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ParseBenchmarkTest {

  static List<Format> formats() {
    return ParseBenchmark.formats();
  }

  @Test
  void everyFormatHasALayout() {
    assertThat(ParseBenchmark.formats()).containsExactly(Format.values());
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void layoutsParseWithoutErrorsIntoTheGeneratedRecordsAndTotals(Format format) {
    int rows = 257;
    GeneratedFile file = SyntheticFiles.generate(format, rows);
    ParseResult result =
        Parsers.forFormat(format, ParserLimits.DEFAULT)
            .parse(file.bytes(), Fixtures.provenance("bench-" + format.cliName()));

    assertThat(result.errors()).isEmpty();
    assertThat(result.findings()).isEmpty();
    assertThat(result.records()).hasSize(rows);
    // Every layout has one record per row of amount amountMinor(row); summed here independently of
    // the generator's own tally, which the benchmark checks each pass against.
    long sum = 0;
    for (int i = 1; i <= rows; i++) {
      sum += 100 + (i * 7919L) % 100_000;
    }
    assertThat(result.controlTotals()).hasSize(1);
    ControlTotal total = result.controlTotals().get(0);
    assertThat(total.count()).isEqualTo(rows);
    assertThat(total.amountMinor()).isEqualTo(sum);
    assertThat(total.overflowed()).isFalse();
    assertThat(result.controlTotals()).isEqualTo(file.expected().controlTotals());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void countsEveryGeneratedRow(Format format) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ParseBenchResult result =
        ParseBenchmark.run(format, 257, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(result.format()).isEqualTo(format);
    assertThat(result.rows()).isEqualTo(257);
    assertThat(result.bytes()).isEqualTo(SyntheticFiles.generate(format, 257).bytes().length);
    assertThat(result.passes()).isEqualTo(1);
    assertThat(result.streamed()).isTrue();
    assertThat(result.millis()).isNotNegative();
    assertThat(result.rowsPerSecond()).isPositive();
    assertThat(result.bytesPerSecond()).isPositive();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("warm-up")
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "%s: %,d bytes, 257 records",
                format.cliName(),
                result.bytes()));
  }

  @Test
  void aSizedRunWritesAFileOfAtLeastTheSizeAndTimesEachPass() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ParseBenchResult result =
        ParseBenchmark.run(
            Format.PAYPAL_STL,
            new ParseBenchSettings(200_000, 3, true),
            new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(result.bytes()).isBetween(200_000L, 202_000L);
    assertThat(result.passes()).isEqualTo(3);
    assertThat(result.streamed()).isFalse();
    assertThat(result.millis()).isLessThanOrEqualTo(result.medianMillis());
    assertThat(result.hasTarget()).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("pass 1:", "pass 2:", "pass 3:", "collected", "CSV target 50 MB/s");
  }

  @Test
  void filesAboveTheRawRecordLimitSayTheLimitsAreLifted() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ParseBenchmark.run(
        Format.BAI2,
        new ParseBenchSettings(ParserLimits.MAX_PAYLOAD_BYTES + 1L, 1, false),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("exceed the raw-record limit")
        .contains("which times the parsers");
  }

  @ParameterizedTest
  @EnumSource(Format.class)
  void theSizedRowCountReachesTheSize(Format format) {
    int rows = SyntheticFiles.rowsFor(format, 300_000);
    int size = SyntheticFiles.generate(format, rows).bytes().length;
    assertThat(size).isBetween(300_000, 303_000);
  }

  @Test
  void generationIsDeterministic() {
    assertThat(SyntheticFiles.generate(Format.MT940, 50).bytes())
        .isEqualTo(SyntheticFiles.generate(Format.MT940, 50).bytes());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void generatedFilesAreDetectedAsTheirFormat(Format format) {
    byte[] file = SyntheticFiles.generate(format, 3).bytes();
    byte[] head = Arrays.copyOf(file, Math.min(file.length, FormatDetector.HEAD_BYTES));
    assertThat(FormatDetector.detect(head)).contains(format);
  }

  @Test
  void theRowCountIsBounded() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ParseBenchmark.run(Format.MT940, 0, quiet))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParseBenchmark.run(Format.MT940, ParseBenchmark.MAX_ROWS + 1, quiet))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void settingsAreBounded() {
    assertThatThrownBy(() -> new ParseBenchSettings(0, 5, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParseBenchSettings(ParseBenchSettings.MAX_BYTES + 1, 5, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParseBenchSettings(1000, 0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParseBenchSettings(1000, ParseBenchSettings.MAX_PASSES + 1, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ParseBenchSettings.DEFAULT.minBytes()).isGreaterThanOrEqualTo(100_000_000L);
  }
}
