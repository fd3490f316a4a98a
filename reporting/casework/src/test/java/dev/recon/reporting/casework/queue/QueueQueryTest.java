package dev.recon.reporting.casework.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.reporting.AgeingBucket;
import dev.recon.reporting.ExceptionRow;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QueueQueryTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void everyFilterIsABindValue() {
    QueueFilter filter =
        QueueFilter.open()
            .withReason("MISSING_IN_PSP")
            .withPsp("adyen")
            .withCurrency("EUR")
            .withAssignee("alice")
            .withAmountRange(100L, 5_000L)
            .withText("abc%_");
    SqlQuery q = QueueQuery.page("t1", filter, QueueSort.AGE, null, 0, 51, NOW);
    assertThat(q.sql())
        .contains("e.tenant_id = ?")
        .contains("e.state = ?")
        .contains("e.reason = ?")
        .contains("e.psp = ?")
        .contains("e.currency = ?")
        .contains("e.assignee = ?")
        .contains("e.amount_at_risk_minor >= ?")
        .contains("e.amount_at_risk_minor <= ?")
        .contains("(e.exception_id = ? or e.record_id = ? or e.reference = ?)")
        .contains("order by e.record_time, e.exception_id limit ?")
        .doesNotContain("adyen")
        .doesNotContain("alice")
        .doesNotContain("abc");
    assertThat(q.params())
        .containsExactly(
            "t1",
            "OPEN",
            "MISSING_IN_PSP",
            "adyen",
            "EUR",
            "alice",
            100L,
            5_000L,
            "abc%_",
            "abc%_",
            "abc%_",
            51);
  }

  @Test
  void unassignedAndNoStateFilter() {
    QueueFilter filter = QueueFilter.open().withState(null).withAssignee(QueueFilter.UNASSIGNED);
    SqlQuery q = QueueQuery.page("t1", filter, QueueSort.AMOUNT, null, 100, 51, NOW);
    assertThat(q.sql())
        .contains("e.assignee is null")
        .doesNotContain("e.state")
        .contains("order by e.amount_at_risk_minor desc, e.exception_id desc limit ? offset ?");
    assertThat(q.params()).containsExactly("t1", 51, 100L);
  }

  @Test
  void pageTokenContinuesAfterTheLastRowInTheSortDirection() {
    PageToken token = new PageToken(QueueSort.DETECTED, "2026-11-24T10:00:00Z", "x-9");
    PageToken decoded = PageToken.decode(token.encode(), QueueSort.DETECTED).orElseThrow();
    assertThat(decoded).isEqualTo(token);
    SqlQuery q = QueueQuery.page("t1", QueueFilter.open(), QueueSort.DETECTED, decoded, 0, 51, NOW);
    assertThat(q.sql()).contains("and (e.detected_at, e.exception_id) < (?, ?)");
    assertThat(q.params())
        .containsExactly("t1", "OPEN", OffsetDateTime.parse("2026-11-24T10:00:00Z"), "x-9", 51);
    SqlQuery byAge =
        QueueQuery.page(
            "t1",
            QueueFilter.open(),
            QueueSort.AGE,
            new PageToken(QueueSort.AGE, "2026-11-24T10:00:00Z", "x-9"),
            0,
            51,
            NOW);
    assertThat(byAge.sql()).contains("and (e.record_time, e.exception_id) > (?, ?)");
  }

  @Test
  void tokensOfAnotherSortOrDamagedAreRefused() {
    String token = new PageToken(QueueSort.AGE, "2026-11-24T10:00:00Z", "x").encode();
    assertThat(PageToken.decode(token, QueueSort.AMOUNT)).isEmpty();
    assertThat(PageToken.decode("***", QueueSort.AGE)).isEmpty();
    assertThat(PageToken.decode("a".repeat(PageToken.MAX_TOKEN_CHARS + 1), QueueSort.AGE))
        .isEmpty();
  }

  @Test
  void ageBoundsAgreeWithTheReportsAgeingBuckets() {
    for (long minutes = 0; minutes < 60 * 24 * 40; minutes += 37) {
      Instant recordTime = NOW.minus(Duration.ofMinutes(minutes));
      AgeingBucket expected = AgeingBucket.of(ExceptionRow.ageDays(recordTime, NOW));
      for (AgeingBucket bucket : AgeingBucket.values()) {
        QueueQuery.AgeBounds b = QueueQuery.AgeBounds.of(bucket, NOW);
        boolean inside =
            (b.after() == null || recordTime.isAfter(b.after()))
                && (b.notAfter() == null || !recordTime.isAfter(b.notAfter()));
        assertThat(inside).as("%s at %s", bucket, recordTime).isEqualTo(bucket == expected);
      }
    }
    // exact day boundaries
    assertThat(AgeingBucket.of(ExceptionRow.ageDays(NOW.minus(Duration.ofDays(2)), NOW)))
        .isEqualTo(AgeingBucket.DAYS_2_7);
    assertThat(QueueQuery.AgeBounds.of(AgeingBucket.DAYS_2_7, NOW).notAfter())
        .isEqualTo(NOW.minus(Duration.ofDays(2)));
  }

  @Test
  void ageFilterBindsItsBounds() {
    SqlQuery q =
        QueueQuery.page(
            "t1",
            QueueFilter.open().withAgeingBucket(AgeingBucket.DAYS_8_30),
            QueueSort.AGE,
            null,
            0,
            10,
            NOW);
    assertThat(q.sql()).contains("e.record_time > ?").contains("e.record_time <= ?");
    assertThat(q.params())
        .contains(
            OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(31)), ZoneOffset.UTC),
            OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(8)), ZoneOffset.UTC));
  }
}
