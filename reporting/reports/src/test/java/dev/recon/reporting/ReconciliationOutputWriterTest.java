package dev.recon.reporting;

import static dev.recon.reporting.Fixtures.match;
import static dev.recon.reporting.Fixtures.member;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.ledger.db.JournalLine;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationOutputWriterTest {

  @TempDir Path dir;

  @Test
  void writesEveryFileAndNothingElse() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.sampleRun(), dir.resolve("out"));

    try (Stream<Path> files = Files.list(dir.resolve("out"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(ReconciliationOutputWriter.FILE_NAMES);
    }
  }

  @Test
  void writesMatchesOneRowPerMemberInContractOrder() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.sampleRun(), dir);

    assertThat(firstLine("matches.csv"))
        .isEqualTo("match_id,level,rule,record_kind,record_id,amount_minor,currency");
    assertThat(rows("matches.csv"))
        .containsExactly(
            List.of("m-L1-1", "L1", "exact-ref", "EXPECTED", "ord-1", "1000", "EUR"),
            List.of("m-L1-1", "L1", "exact-ref", "PSP_TXN", "psp-1", "1000", "EUR"),
            List.of("m-L1-2", "L1", "exact-ref", "EXPECTED", "ord-2", "2000", "EUR"),
            List.of("m-L1-2", "L1", "exact-ref", "PSP_TXN", "psp-2", "2000", "EUR"),
            List.of("m-L2-1", "L2", "tolerance-1pct", "EXPECTED", "ord-3", "500000", "JPY"),
            List.of("m-L2-1", "L2", "tolerance-1pct", "PSP_TXN", "ch_3", "500000", "JPY"),
            List.of("m-L3-1", "L3", "batch-sum", "PSP_TXN", "psp-1", "1000", "EUR"),
            List.of("m-L3-1", "L3", "batch-sum", "PSP_TXN", "psp-2", "2000", "EUR"),
            List.of("m-L3-1", "L3", "batch-sum", "PAYOUT", "po-1", "2950", "EUR"));
  }

  @Test
  void writesBreaksAndDeadLettersIntoExceptions() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.sampleRun(), dir);

    assertThat(firstLine("exceptions.csv"))
        .isEqualTo(
            "exception_id,reason,record_kind,record_id,amount_minor,currency,detected_at,age_days");
    assertThat(rows("exceptions.csv"))
        .containsExactly(
            List.of(
                "dl-1",
                "PARSE_ERROR",
                "UNKNOWN",
                "adyen_settlement.csv:17",
                "0",
                "",
                "2026-01-29T06:00:00Z",
                "2"),
            List.of(
                "dl-2",
                "DATA_QUALITY",
                "UNKNOWN",
                "camt053.xml:4",
                "0",
                "",
                "2026-01-31T04:00:00Z",
                "0"),
            List.of(
                "ex-1",
                "MISSING_IN_PSP",
                "EXPECTED",
                "ord-4",
                "1500",
                "EUR",
                "2026-01-31T05:30:00Z",
                "0"),
            List.of(
                "ex-2",
                "MISSING_IN_BANK",
                "PAYOUT",
                "po-1",
                "2950",
                "EUR",
                "2026-01-31T05:30:00Z",
                "10"),
            List.of(
                "ex-3",
                "DUPLICATE",
                "PSP_TXN",
                "psp-9",
                "-700",
                "EUR",
                "2026-01-31T05:30:00Z",
                "40"),
            List.of(
                "ex-4",
                "AMOUNT_MISMATCH",
                "PSP_TXN",
                "ch_9",
                "1200",
                "JPY",
                "2026-01-31T05:30:00Z",
                "5"));
  }

  @Test
  void writesDeadLetterDetailsByFileAndLine() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.sampleRun(), dir);

    assertThat(firstLine("dead_letters.csv"))
        .isEqualTo("dead_letter_id,file_name,line,field,format,reason");
    assertThat(rows("dead_letters.csv"))
        .containsExactly(
            List.of(
                "dl-1",
                "adyen_settlement.csv",
                "17",
                "Gross Credit (GC)",
                "adyen-settlement-detail",
                "amount has 3 decimals, EUR has 2"),
            List.of(
                "dl-2",
                "camt053.xml",
                "4",
                "",
                "adyen-settlement-detail",
                "DATA_QUALITY: control sum differs from entries"));
  }

  @Test
  void writesJournalByBookingTimeAndEntryKeepingLineOrder() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.sampleRun(), dir);

    assertThat(firstLine("journal.csv"))
        .isEqualTo(
            "entry_id,booked_at,account,debit_minor,credit_minor,currency,source_kind,source_id");
    assertThat(rows("journal.csv"))
        .containsExactly(
            List.of(
                "je-0",
                "2026-01-29T06:00:00Z",
                "psp_receivable:stripe",
                "500000",
                "0",
                "JPY",
                "MATCH_L1",
                "m-je-0"),
            List.of(
                "je-0",
                "2026-01-29T06:00:00Z",
                "payments_clearing",
                "0",
                "500000",
                "JPY",
                "MATCH_L1",
                "m-je-0"),
            List.of(
                "je-1",
                "2026-01-30T06:00:00Z",
                "psp_receivable:adyen",
                "1000",
                "0",
                "EUR",
                "MATCH_L1",
                "m-je-1"),
            List.of(
                "je-1",
                "2026-01-30T06:00:00Z",
                "payments_clearing",
                "0",
                "1000",
                "EUR",
                "MATCH_L1",
                "m-je-1"),
            List.of(
                "je-2",
                "2026-01-30T06:00:00Z",
                "psp_receivable:adyen",
                "2000",
                "0",
                "EUR",
                "MATCH_L1",
                "m-je-2"),
            List.of(
                "je-2",
                "2026-01-30T06:00:00Z",
                "payments_clearing",
                "0",
                "2000",
                "EUR",
                "MATCH_L1",
                "m-je-2"));
  }

  @Test
  void quotesCsvFieldsWithCommasQuotesAndLineBreaksAndKeepsUtf8() throws IOException {
    String awkwardId = "ref \"A\", part 1\nline 2";
    String accented = "Müller-€-付款";
    ReconciliationRun run =
        Fixtures.run(
            List.of(
                match(
                    "m,1",
                    MatchLevel.L2,
                    "rule with, comma",
                    member(RecordKind.EXPECTED, awkwardId, 100, "EUR"),
                    member(RecordKind.PSP_TXN, accented, 100, "EUR"))),
            List.of(),
            List.of(),
            List.of());

    ReconciliationOutputWriter.write(run, dir);

    String raw = Files.readString(dir.resolve("matches.csv"), StandardCharsets.UTF_8);
    assertThat(raw)
        .contains(
            "\"m,1\",L2,\"rule with, comma\",EXPECTED,\"ref \"\"A\"\", part 1\nline 2\",100,EUR\n");
    assertThat(rows("matches.csv"))
        .containsExactly(
            List.of("m,1", "L2", "rule with, comma", "EXPECTED", awkwardId, "100", "EUR"),
            List.of("m,1", "L2", "rule with, comma", "PSP_TXN", accented, "100", "EUR"));
  }

  @Test
  void endsEveryLineWithLineFeedOnly() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.sampleRun(), dir);

    for (String name : ReconciliationOutputWriter.FILE_NAMES) {
      String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
      assertThat(text).as(name).doesNotContain("\r").endsWith("\n");
    }
  }

  @Test
  void writesByteIdenticalFilesForTheSameRunWhateverTheInputOrder() throws IOException {
    ReconciliationRun run = Fixtures.sampleRun();
    ReconciliationOutputWriter.write(run, dir.resolve("a"));
    ReconciliationOutputWriter.write(run, dir.resolve("a"));
    ReconciliationOutputWriter.write(shuffled(run), dir.resolve("b"));

    for (String name : ReconciliationOutputWriter.FILE_NAMES) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
    }
  }

  @Test
  void writesTheSummaryWithStableKeysAndIntegerAmounts() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.sampleRun(), dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "format_version",
            "tenant",
            "as_of",
            "inputs",
            "match_count",
            "break_count",
            "dead_letter_count",
            "match_rate",
            "at_risk_minor",
            "levels",
            "psps",
            "reasons",
            "currencies",
            "journal");
    assertThat(json.get("tenant").asText()).isEqualTo("acme");
    assertThat(json.get("as_of").asText()).isEqualTo("2026-01-31T06:00:00Z");
    assertThat(json.get("inputs")).hasSize(3);
    assertThat(json.get("dead_letter_count").asLong()).isEqualTo(2);
    assertThat(json.at("/match_rate/basis_points").asLong()).isEqualTo(6000);
    assertThat(json.at("/match_rate/percent").asText()).isEqualTo("60.00");
    assertThat(json.at("/at_risk_minor/EUR").isIntegralNumber()).isTrue();
    assertThat(json.at("/at_risk_minor/EUR").asLong()).isEqualTo(5150);
    assertThat(json.at("/levels/L1/match_rate/percent").asText()).isEqualTo("66.66");
    assertThat(json.at("/levels/L3/matched_amount_minor/PAYOUT/EUR").asLong()).isEqualTo(2950);
    assertThat(json.at("/levels/MANUAL/match_rate/basis_points").isNull()).isTrue();
    assertThat(json.at("/psps/adyen/breaks").asLong()).isEqualTo(1);
    assertThat(json.at("/reasons/DUPLICATE/age_days/>30").asLong()).isEqualTo(1);
    assertThat(json.at("/reasons/PARSE_ERROR/count").asLong()).isEqualTo(1);
    assertThat(json.at("/currencies/JPY/journal_debit_minor").asLong()).isEqualTo(500_000);
    assertThat(json.at("/journal/entries").asLong()).isEqualTo(3);
    assertThat(json.at("/journal/balanced").asBoolean()).isTrue();
    List<String> levels = new ArrayList<>();
    json.get("levels").fieldNames().forEachRemaining(levels::add);
    assertThat(levels).containsExactly("L1", "L2", "L3", "L4", "MANUAL");
  }

  @Test
  void writesHeadersOnlyForAnEmptyRun() throws IOException {
    ReconciliationOutputWriter.write(Fixtures.emptyRun(), dir);

    assertThat(rows("matches.csv")).isEmpty();
    assertThat(rows("exceptions.csv")).isEmpty();
    assertThat(rows("journal.csv")).isEmpty();
    assertThat(rows("dead_letters.csv")).isEmpty();
    assertThat(Files.readString(dir.resolve("matches.csv")))
        .isEqualTo("match_id,level,rule,record_kind,record_id,amount_minor,currency\n");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(json.at("/match_rate/basis_points").isNull()).isTrue();
    assertThat(json.at("/match_rate/percent").isNull()).isTrue();
  }

  private static ReconciliationRun shuffled(ReconciliationRun run) {
    List<JournalLine> journal = new ArrayList<>();
    // entries in reverse, each entry's lines in their own order
    List<JournalLine> lines = run.journalLines();
    for (int i = lines.size() - 2; i >= 0; i -= 2) {
      journal.add(lines.get(i));
      journal.add(lines.get(i + 1));
    }
    return new ReconciliationRun(
        run.tenant(),
        run.asOf(),
        run.inputs(),
        reversed(run.matches()),
        reversed(run.exceptions()),
        reversed(run.deadLetters()),
        journal);
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private String firstLine(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8).get(0);
  }

  private List<List<String>> rows(String name) throws IOException {
    try (Reader reader = Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      return parser.getRecords().stream().map(CSVRecord::toList).toList();
    }
  }
}
