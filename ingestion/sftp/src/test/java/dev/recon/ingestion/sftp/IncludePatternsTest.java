package dev.recon.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncludePatternsTest {

  @Test
  void globsMatchWholeNames() {
    IncludePatterns p =
        IncludePatterns.of(List.of("*.csv", "settlement_??.{txt,xml}", "[ab]*.dat"));
    assertThat(p.matches("x.csv")).isTrue();
    assertThat(p.matches("x.csv.part")).isFalse();
    assertThat(p.matches("X.CSV")).isFalse();
    assertThat(p.matches("settlement_01.xml")).isTrue();
    assertThat(p.matches("settlement_001.xml")).isFalse();
    assertThat(p.matches("a1.dat")).isTrue();
    assertThat(p.matches("c1.dat")).isFalse();
    assertThat(IncludePatterns.of(List.of("[!.]*.csv")).matches(".hidden.csv")).isFalse();
    assertThat(IncludePatterns.of(List.of("a+b(1).csv")).matches("a+b(1).csv")).isTrue();
  }

  @Test
  void badGlobsAreExplained() {
    assertThat(IncludePatterns.problem("*.csv")).isNull();
    assertThat(IncludePatterns.problem("")).contains("empty");
    assertThat(IncludePatterns.problem("sub/*.csv")).contains("without '/'");
    assertThat(IncludePatterns.problem("[abc.csv")).contains("not a valid glob");
    assertThat(IncludePatterns.problem("{a,b.csv")).contains("not a valid glob");
    assertThat(IncludePatterns.problem("x".repeat(IncludePatterns.MAX_PATTERN_CHARS + 1)))
        .contains("longer");
  }
}
