package dev.recon.normalization.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.Fixtures;
import dev.recon.normalization.format.ParseError;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.format.ParserLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvTableTest {
  private final ParseResult.Builder out = ParseResult.builder(Fixtures.provenance("t.csv"));
  private final List<BoundRow> rows = new ArrayList<>();

  private Optional<CsvTable> open(String text, ParserLimits limits, String... required) {
    return CsvTable.open(text.getBytes(StandardCharsets.UTF_8), limits, List.of(required), out);
  }

  private List<ParseError> read(String text, ParserLimits limits, String... required) {
    open(text, limits, required).ifPresent(t -> t.forEachRow(rows::add));
    return out.build().errors();
  }

  private List<ParseError> read(String text, String... required) {
    return read(text, ParserLimits.DEFAULT, required);
  }

  @Test
  void bindsByHeaderNameIgnoringCaseAndSpaces() {
    assertThat(read(" Amount ,CURRENCY\n1.00,EUR\n", "amount", "currency")).isEmpty();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).value("amount")).isEqualTo("1.00");
    assertThat(rows.get(0).value("Currency")).isEqualTo("EUR");
    assertThat(rows.get(0).value("absent")).isEmpty();
    assertThat(rows.get(0).optional("absent")).isEmpty();
    assertThat(rows.get(0).line()).isEqualTo(2);
  }

  @Test
  void truncatedRowNamesTheFirstMissingColumnAndLine() {
    List<ParseError> errors = read("a,b,c\n1,2,3\n4,5\n6,7,8\n");
    assertThat(errors)
        .containsExactly(new ParseError("t.csv", 3, "c", "truncated row: 2 of 3 fields", "4,5"));
    assertThat(rows).extracting(BoundRow::line).containsExactly(2, 4);
  }

  @Test
  void extraNonEmptyFieldsAreAnErrorButTrailingEmptyOnesAreTolerated() {
    List<ParseError> errors = read("a,b\n1,2,,\n3,4,5\n");
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isNull();
              assertThat(e.reason()).isEqualTo("row has 3 fields but the header has 2");
            });
    assertThat(rows).singleElement().satisfies(r -> assertThat(r.fields()).hasSize(2));
  }

  @Test
  void missingRequiredColumnIsOneErrorForTheFile() {
    List<ParseError> errors = read("a,b\n1,2\n", "a", "x", "y");
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.field()).isEqualTo("x");
              assertThat(e.reason()).isEqualTo("missing required column(s): x, y");
            });
    assertThat(rows).isEmpty();
  }

  @Test
  void duplicateColumnIsAmbiguous() {
    List<ParseError> errors = read("a,b,A\n1,2,3\n");
    assertThat(errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("A"));
    assertThat(rows).isEmpty();
  }

  @Test
  void emptyFile() {
    assertThat(read("\n\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("empty file: no header row"));
  }

  @Test
  void rowLimitStopsReadingAndSaysSo() {
    ParserLimits limits = new ParserLimits(1000, 2, 100, 10);
    List<ParseError> errors = read("a\n1\n2\n3\n4\n", limits);
    assertThat(rows).hasSize(2);
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.reason())
                  .isEqualTo("row limit of 2 reached; the rest of the file was not read");
            });
  }

  @Test
  void payloadLimitRefusesTheFile() {
    ParserLimits limits = new ParserLimits(10, 10, 100, 10);
    List<ParseError> errors = read("a,b\n1,2\n3,4\n", limits);
    assertThat(rows).isEmpty();
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isZero();
              assertThat(e.reason()).isEqualTo("payload of 12 bytes exceeds the limit of 10");
            });
  }

  @Test
  void lineLengthLimitSkipsOnlyThatLine() {
    ParserLimits limits = new ParserLimits(1000, 10, 8, 10);
    List<ParseError> errors = read("a,b\n1,2\n123456789,1\n3,4\n", limits);
    assertThat(rows).extracting(BoundRow::line).containsExactly(2, 4);
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.reason()).isEqualTo("record longer than 8 characters");
            });
  }

  @Test
  void unreadableHeader() {
    assertThat(read("\"a,b\n"))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).startsWith("unreadable header row"));
  }
}
