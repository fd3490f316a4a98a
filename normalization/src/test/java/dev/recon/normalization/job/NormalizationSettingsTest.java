package dev.recon.normalization.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.normalization.format.ParserLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NormalizationSettingsTest {

  @Test
  void defaultsRememberAFileForThirtyDays() {
    assertThat(NormalizationSettings.DEFAULT.redeliveryWindow()).isEqualTo(Duration.ofDays(30));
    assertThat(NormalizationSettings.DEFAULT.limits()).isEqualTo(ParserLimits.DEFAULT);
  }

  @Test
  void theWindowIsBounded() {
    assertThatThrownBy(() -> NormalizationSettings.DEFAULT.withRedeliveryWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> NormalizationSettings.DEFAULT.withRedeliveryWindow(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                NormalizationSettings.DEFAULT.withRedeliveryWindow(
                    NormalizationSettings.MAX_REDELIVERY_WINDOW.plusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            NormalizationSettings.DEFAULT
                .withRedeliveryWindow(NormalizationSettings.MAX_REDELIVERY_WINDOW)
                .redeliveryWindow())
        .isEqualTo(NormalizationSettings.MAX_REDELIVERY_WINDOW);
  }
}
