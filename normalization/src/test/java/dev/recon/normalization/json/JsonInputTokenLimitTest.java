package dev.recon.normalization.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.format.ParserLimits;
import org.junit.jupiter.api.Test;

class JsonInputTokenLimitTest {

  @Test
  void theDefaultPayloadLimitKeepsTheFixedTokenLimit() {
    assertThat(JsonInput.maxTokens(ParserLimits.DEFAULT)).isEqualTo(JsonInput.MAX_TOKENS);
    assertThat(JsonInput.maxTokens(new ParserLimits(4096, 6, 80, 5)))
        .isEqualTo(JsonInput.MAX_TOKENS);
  }

  @Test
  void aRaisedPayloadLimitAllowsTokensInProportion() {
    ParserLimits raised =
        new ParserLimits(
            Integer.MAX_VALUE,
            ParserLimits.MAX_ROWS_PER_FILE,
            ParserLimits.MAX_LINE_CHARS,
            ParserLimits.MAX_XML_DEPTH);
    assertThat(JsonInput.maxTokens(raised))
        .isEqualTo(Integer.MAX_VALUE / JsonInput.BYTES_PER_EXTRA_TOKEN);
  }
}
