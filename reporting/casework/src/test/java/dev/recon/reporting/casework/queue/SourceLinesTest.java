package dev.recon.reporting.casework.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceLinesTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesSplitOnLfAndCrlfAndAreOneBased() {
    byte[] doc = bytes("h1,h2\r\nA,1\nB,2\r\nC,3");
    assertThat(SourceLines.line(doc, 1)).contains("h1,h2");
    assertThat(SourceLines.line(doc, 2)).contains("A,1");
    assertThat(SourceLines.line(doc, 3)).contains("B,2");
    assertThat(SourceLines.line(doc, 4)).contains("C,3");
    assertThat(SourceLines.line(doc, 5)).isEmpty();
    assertThat(SourceLines.line(doc, 0)).isEmpty();
  }

  @Test
  void aFinalNewlineStartsNoFurtherLine() {
    byte[] doc = bytes("a\r\nb\r\n");
    assertThat(SourceLines.line(doc, 2)).contains("b");
    assertThat(SourceLines.line(doc, 3)).isEmpty();
  }

  @Test
  void emptyLinesAreLines() {
    byte[] doc = bytes("a\n\nc\n");
    assertThat(SourceLines.line(doc, 2)).contains("");
    assertThat(SourceLines.line(doc, 3)).contains("c");
  }

  @Test
  void xmlDocumentsNumberEntriesNotLines() {
    assertThat(SourceLines.isXml(bytes("\uFEFF  <?xml version=\"1.0\"?><Document/>"))).isTrue();
    assertThat(SourceLines.line(bytes("<Document>\n<Ntry/>\n</Document>"), 2)).isEmpty();
    assertThat(SourceLines.isXml(bytes("a,b\n<c>"))).isFalse();
  }

  @Test
  void longLinesAreCutAndMarked() {
    String longLine = "x".repeat(SourceLines.MAX_LINE_CHARS + 10);
    String line = SourceLines.line(bytes("h\n" + longLine + "\n"), 2).orElseThrow();
    assertThat(line).hasSize(SourceLines.MAX_LINE_CHARS + SourceLines.CUT_MARK.length());
    assertThat(line).endsWith(SourceLines.CUT_MARK);
  }

  @Test
  void latin1LinesAreReadWhenNotUtf8() {
    byte[] doc = "a\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(SourceLines.line(doc, 2)).contains("M\u00fcller");
    assertThat(SourceLines.line(bytes("a\nM\u00fcller\n"), 2)).contains("M\u00fcller");
  }
}
