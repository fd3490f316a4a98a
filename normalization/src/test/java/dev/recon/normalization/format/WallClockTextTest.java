package dev.recon.normalization.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WallClockTextTest {

  @Test
  void readsDatesAndTimes() {
    assertThat(WallClockText.isoDate("2025-03-03")).isEqualTo(LocalDate.of(2025, 3, 3));
    assertThat(WallClockText.isoDateSpaceTime("2025-09-11 11:44:20"))
        .isEqualTo(LocalDateTime.of(2025, 9, 11, 11, 44, 20));
    assertThat(WallClockText.isoDateSpaceTime("2025-09-11 11:44"))
        .isEqualTo(LocalDateTime.of(2025, 9, 11, 11, 44));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2025-02-30",
        "2025-13-01",
        "2025-3-03x",
        "2025/03/03",
        "20250303",
        "+025-03-03",
        "２０２５-03-03",
      })
  void leavesEverythingElseToTheFormatterAsDate(String text) {
    assertThat(WallClockText.isoDate(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2025-02-30 10:00:00",
        "2025-09-11 24:00:00",
        "2025-09-11 11:60",
        "2025-09-11T11:44:20",
        "2025-09-11 11:44:2",
        "2025-09-11 11:44:20Z",
        "2025-09-11 11-44-20",
      })
  void leavesEverythingElseToTheFormatterAsDateTime(String text) {
    assertThat(WallClockText.isoDateSpaceTime(text)).isNull();
  }

  @Test
  void nullIsNotADate() {
    assertThat(WallClockText.isoDate(null)).isNull();
    assertThat(WallClockText.isoDateSpaceTime(null)).isNull();
  }
}
