package dev.recon.normalization.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.kafka.Topics;
import org.junit.jupiter.api.Test;

class ParserLimitsTest {

  @Test
  void defaultsAreTheNamedLimits() {
    assertThat(ParserLimits.MAX_PAYLOAD_BYTES)
        .isEqualTo(Topics.MAX_RAW_RECORD_BYTES)
        .isEqualTo(8 * 1024 * 1024);
    assertThat(ParserLimits.MAX_ROWS_PER_FILE).isEqualTo(1_000_000);
    assertThat(ParserLimits.MAX_LINE_CHARS).isEqualTo(64 * 1024);
    assertThat(ParserLimits.MAX_XML_DEPTH).isEqualTo(64);
    assertThat(ParserLimits.DEFAULT)
        .isEqualTo(new ParserLimits(8 * 1024 * 1024, 1_000_000, 64 * 1024, 64));
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new ParserLimits(0, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ParserLimits(1, 1, 1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
