package dev.recon.normalization.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParseBenchmarkTest {

  static java.util.List<Format> formats() {
    return ParseBenchmark.formats();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void countsEveryGeneratedRow(Format format) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ParseBenchResult result =
        ParseBenchmark.run(format, 257, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(result.format()).isEqualTo(format);
    assertThat(result.rows()).isEqualTo(257);
    assertThat(result.bytes()).isEqualTo(SyntheticFiles.generate(format, 257).length);
    assertThat(result.millis()).isNotNegative();
    assertThat(result.rowsPerSecond()).isPositive();
    assertThat(result.bytesPerSecond()).isPositive();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("warm-up")
        .contains(format.cliName() + ": 257 rows");
  }

  @ParameterizedTest
  @MethodSource("formats")
  void generatedFilesAreDetectedAsTheirFormat(Format format) {
    byte[] file = SyntheticFiles.generate(format, 3);
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
  void aFormatWithoutALayoutIsRefusedByName() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(ParseBenchmark.formats()).doesNotContain(Format.ZAMTEL_KWACHA);
    assertThatThrownBy(() -> ParseBenchmark.run(Format.ZAMTEL_KWACHA, 10, quiet))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zamtel-kwacha")
        .hasMessageContaining("camt053");
  }
}
