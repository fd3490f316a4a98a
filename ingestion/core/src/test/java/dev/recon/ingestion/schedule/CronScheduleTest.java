package dev.recon.ingestion.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  @Test
  void weekdayMorningsAreInTheStatedZoneAcrossADaylightSavingChange() {
    CronSchedule s = CronSchedule.parse("0 6 * * 1-5", ZoneId.of("Europe/Amsterdam"));
    // Friday 2026-10-23 07:00 local: next is Monday 26th, after the switch to CET (UTC+1)
    Instant next = s.nextAfter(Instant.parse("2026-10-23T05:00:00Z")).orElseThrow();
    assertThat(next).isEqualTo(Instant.parse("2026-10-26T05:00:00Z"));
    // Monday 2026-10-19, still CEST (UTC+2)
    assertThat(s.nextAfter(Instant.parse("2026-10-18T12:00:00Z")))
        .contains(Instant.parse("2026-10-19T04:00:00Z"));
  }

  @Test
  void everyFiveMinutesIsStrictlyAfter() {
    CronSchedule s = CronSchedule.parse("*/5 * * * *", ZoneOffset.UTC);
    assertThat(s.nextAfter(Instant.parse("2026-11-25T10:05:00Z")))
        .contains(Instant.parse("2026-11-25T10:10:00Z"));
  }

  @Test
  void aBadExpressionNamesItself() {
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("61 * * * *");
    assertThatThrownBy(() -> CronSchedule.parse("", ZoneOffset.UTC))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
