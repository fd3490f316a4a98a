package dev.recon.normalization.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTokenizerTest {

  private static List<CsvLine> all(String text, int max) {
    CsvTokenizer t = new CsvTokenizer(text, max);
    List<CsvLine> lines = new ArrayList<>();
    for (CsvLine l = t.next(); l != null; l = t.next()) {
      lines.add(l);
    }
    return lines;
  }

  private static List<CsvLine> all(String text) {
    return all(text, 1000);
  }

  private static CsvLine.Row row(CsvLine line) {
    assertThat(line).isInstanceOf(CsvLine.Row.class);
    return (CsvLine.Row) line;
  }

  @Test
  void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
    List<CsvLine> lines = all("a,\"b,c\",\"{\"\"k\"\":\"\"v\"\"}\",\"\",\n");
    assertThat(lines).hasSize(1);
    assertThat(row(lines.get(0)).fields()).containsExactly("a", "b,c", "{\"k\":\"v\"}", "", "");
  }

  @Test
  void lineEndingsCrlfLfCrAndNoFinalNewline() {
    List<CsvLine> lines = all("h1,h2\r\n1,2\n3,4\r5,6");
    assertThat(lines).extracting(CsvLine::line).containsExactly(1, 2, 3, 4);
    assertThat(row(lines.get(3)).fields()).containsExactly("5", "6");
    assertThat(row(lines.get(1)).raw()).isEqualTo("1,2");
  }

  @Test
  void multiLineQuotedFieldKeepsPhysicalLineNumbers() {
    List<CsvLine> lines = all("h\r\n\"multi\r\nline\nfield\"\r\nnext");
    assertThat(row(lines.get(1)).fields()).containsExactly("multi\r\nline\nfield");
    assertThat(lines.get(1).line()).isEqualTo(2);
    assertThat(lines.get(2).line()).isEqualTo(5);
  }

  @Test
  void blankAndAllEmptyLinesAreSkipped() {
    List<CsvLine> lines = all("a,b\n\n,,\n  \r\n1,2\n");
    assertThat(lines).extracting(CsvLine::line).containsExactly(1, 5);
  }

  @Test
  void unterminatedQuoteIsReportedAndReadingResumesOnTheNextLine() {
    List<CsvLine> lines = all("a,b\n1,\"open\n2,3\n");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).isInstanceOf(CsvLine.Malformed.class);
    assertThat(((CsvLine.Malformed) lines.get(1)).reason()).isEqualTo("unterminated quoted field");
    assertThat(lines.get(1).line()).isEqualTo(2);
    assertThat(row(lines.get(2)).fields()).containsExactly("2", "3");
    assertThat(lines.get(2).line()).isEqualTo(3);
  }

  @Test
  void characterAfterClosingQuoteIsReportedAndReadingContinues() {
    List<CsvLine> lines = all("\"a\"x,b\r\nc,d");
    CsvLine.Malformed bad = (CsvLine.Malformed) lines.get(0);
    assertThat(bad.reason()).isEqualTo("unexpected character after a closing quote");
    assertThat(bad.excerpt()).isEqualTo("\"a\"x,b");
    assertThat(row(lines.get(1)).fields()).containsExactly("c", "d");
    assertThat(lines.get(1).line()).isEqualTo(2);
  }

  @Test
  void overLongRecordIsReportedAndReadingContinues() {
    String longLine = "x".repeat(50);
    List<CsvLine> lines = all("a,b\n" + longLine + "\n1,2\n", 20);
    assertThat(lines).hasSize(3);
    assertThat(((CsvLine.Malformed) lines.get(1)).reason())
        .isEqualTo("record longer than 20 characters");
    assertThat(lines.get(1).line()).isEqualTo(2);
    assertThat(row(lines.get(2)).fields()).containsExactly("1", "2");
  }

  @Test
  void runawayQuoteIsCutAtTheRecordLimit() {
    String text = "a\n\"" + "y\n".repeat(30) + "z";
    List<CsvLine> lines = all(text, 20);
    assertThat(lines.get(1)).isInstanceOf(CsvLine.Malformed.class);
    assertThat(lines.get(1).line()).isEqualTo(2);
    // Resumes on line 3 and reads the rest as plain rows.
    assertThat(lines.get(2).line()).isEqualTo(3);
    assertThat(row(lines.get(2)).fields()).containsExactly("y");
  }

  @Test
  void quoteInsideAnUnquotedFieldIsLiteral() {
    assertThat(row(all("ab\"c,d").get(0)).fields()).containsExactly("ab\"c", "d");
  }
}
