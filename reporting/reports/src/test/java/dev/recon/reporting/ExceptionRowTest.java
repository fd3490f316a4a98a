package dev.recon.reporting;

import static dev.recon.reporting.Fixtures.AS_OF;
import static dev.recon.reporting.Fixtures.deadLetter;
import static dev.recon.reporting.Fixtures.exception;
import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExceptionRowTest {

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0",
    "PT23H59M59.999S, 0",
    "PT24H, 1",
    "PT47H59M, 1",
    "PT48H, 2",
    "P31D, 31",
    "-PT1S, 0",
    "-P3D, 0",
  })
  void agesInWholeDaysNeverNegative(Duration before, long ageDays) {
    assertThat(ExceptionRow.ageDays(AS_OF.minus(before), AS_OF)).isEqualTo(ageDays);
  }

  @ParameterizedTest
  @CsvSource({
    "0, DAYS_0_1",
    "1, DAYS_0_1",
    "2, DAYS_2_7",
    "7, DAYS_2_7",
    "8, DAYS_8_30",
    "30, DAYS_8_30",
    "31, OVER_30",
    "100000, OVER_30",
  })
  void putsAgesIntoBuckets(long ageDays, AgeingBucket bucket) {
    assertThat(AgeingBucket.of(ageDays)).isEqualTo(bucket);
  }

  @Test
  void takesAReconExceptionAsItIs() {
    ExceptionRow row =
        ExceptionRow.of(
            exception(
                "ex-1",
                MatchLevel.L1,
                "MISSING_IN_PSP",
                RecordKind.EXPECTED,
                "ord-1",
                -2500,
                "EUR",
                AS_OF.minus(Duration.ofDays(9))),
            AS_OF);

    assertThat(row.exceptionId()).isEqualTo("ex-1");
    assertThat(row.reason()).isEqualTo("MISSING_IN_PSP");
    assertThat(row.recordKind()).isEqualTo(RecordKind.EXPECTED);
    assertThat(row.recordId()).isEqualTo("ord-1");
    assertThat(row.amountMinor()).isEqualTo(-2500);
    assertThat(row.amountAtRiskMinor()).isEqualTo(2500);
    assertThat(row.ageDays()).isEqualTo(9);
    assertThat(row.ageingBucket()).isEqualTo(AgeingBucket.DAYS_8_30);
    assertThat(row.detectedAt()).isEqualTo(AS_OF.minus(Duration.ofMinutes(30)));
    assertThat(row.deadLetter()).isFalse();
  }

  @Test
  void turnsADeadLetterIntoAnUnknownRecordAtItsFileAndLine() {
    Instant received = AS_OF.minus(Duration.ofDays(3));
    ExceptionRow parse =
        ExceptionRow.of(
            deadLetter("dl-1", "adyen.csv", 17, "Gross Credit (GC)", "bad amount", received),
            AS_OF);
    ExceptionRow quality =
        ExceptionRow.of(
            deadLetter("dl-2", "adyen.csv", 0, null, "DATA_QUALITY: control total", received),
            AS_OF);

    assertThat(parse.reason()).isEqualTo(ExceptionRow.PARSE_ERROR);
    assertThat(parse.recordKind()).isEqualTo(RecordKind.UNKNOWN);
    assertThat(parse.recordId()).isEqualTo("adyen.csv:17");
    assertThat(parse.amountMinor()).isZero();
    assertThat(parse.currency()).isEmpty();
    assertThat(parse.detectedAt()).isEqualTo(received);
    assertThat(parse.ageDays()).isEqualTo(3);
    assertThat(parse.deadLetter()).isTrue();
    assertThat(quality.reason()).isEqualTo(ExceptionRow.DATA_QUALITY);
    assertThat(quality.recordId()).isEqualTo("adyen.csv:0");
  }

  @Test
  void namesTheSourceOfADeadLetterThatCameFromNoFile() {
    var letter = deadLetter("dl-1", null, 0, null, "not JSON", AS_OF);
    letter.getProvenance().setSource("webhook:stripe");

    assertThat(ExceptionRow.of(letter, AS_OF).recordId()).isEqualTo("webhook:stripe:0");
    assertThat(DeadLetterRow.of(letter).fileName()).isEqualTo("webhook:stripe");
  }

  @Test
  void listsBreaksAndDeadLettersTogetherByExceptionId() {
    ReconciliationRun run =
        Fixtures.run(
            List.of(),
            List.of(
                exception(
                    "ex-b", MatchLevel.L1, "DUPLICATE", RecordKind.PSP_TXN, "p", 1, "EUR", AS_OF),
                exception(
                    "ex-a",
                    MatchLevel.L4,
                    "MISSING_IN_BANK",
                    RecordKind.PAYOUT,
                    "po",
                    1,
                    "EUR",
                    AS_OF)),
            List.of(deadLetter("dl-1", "f.csv", 2, null, "x", AS_OF)),
            List.of());

    assertThat(ExceptionRow.allOf(run))
        .extracting(ExceptionRow::exceptionId)
        .containsExactly("dl-1", "ex-a", "ex-b");
  }
}
