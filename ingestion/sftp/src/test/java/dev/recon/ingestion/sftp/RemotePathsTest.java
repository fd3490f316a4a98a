package dev.recon.ingestion.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.ingestion.sftp.RemotePaths.NameProblem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemotePathsTest {

  @Test
  void plainNamesHaveNoProblem() {
    assertThat(RemotePaths.nameProblem("settlement_2026-11-25.csv")).isEmpty();
    assertThat(RemotePaths.nameProblem("..hidden.csv")).isEmpty();
    assertThat(RemotePaths.nameProblem("report*?.csv")).isEmpty();
  }

  @Test
  void traversalAndUnsafeNamesAreRecognised() {
    assertThat(RemotePaths.nameProblem("..")).contains(NameProblem.DIRECTORY_ENTRY);
    assertThat(RemotePaths.nameProblem(".")).contains(NameProblem.DIRECTORY_ENTRY);
    assertThat(RemotePaths.nameProblem("../../etc/passwd")).contains(NameProblem.ESCAPES_ROOT);
    assertThat(RemotePaths.nameProblem("/etc/passwd")).contains(NameProblem.ESCAPES_ROOT);
    assertThat(RemotePaths.nameProblem("..\\..\\evil.csv")).contains(NameProblem.UNSAFE);
    assertThat(RemotePaths.nameProblem("a\nb.csv")).contains(NameProblem.UNSAFE);
    assertThat(RemotePaths.nameProblem("a\u0000b.csv")).contains(NameProblem.UNSAFE);
    assertThat(RemotePaths.nameProblem("x".repeat(RemotePaths.MAX_NAME_BYTES + 1)))
        .contains(NameProblem.UNSAFE);
    assertThat(RemotePaths.nameProblem("x".repeat(RemotePaths.MAX_NAME_BYTES))).isEmpty();
  }

  @Test
  void cleanedNamesCannotEscape() {
    assertThat(RemotePaths.cleanName("..\\..\\evil.csv")).isEqualTo(".._.._evil.csv");
    assertThat(RemotePaths.cleanName("../x")).isEqualTo(".._x");
    assertThat(RemotePaths.cleanName("..")).isEqualTo("_..");
    assertThat(RemotePaths.nameProblem(RemotePaths.cleanName("a\u0001/\\b"))).isEmpty();
  }

  @Test
  void onlyAbsoluteNormalPathsAreFolders() {
    assertThat(RemotePaths.isAbsoluteNormal("/")).isTrue();
    assertThat(RemotePaths.isAbsoluteNormal("/in/adyen")).isTrue();
    assertThat(RemotePaths.isAbsoluteNormal("in")).isFalse();
    assertThat(RemotePaths.isAbsoluteNormal("/in/")).isFalse();
    assertThat(RemotePaths.isAbsoluteNormal("/in//x")).isFalse();
    assertThat(RemotePaths.isAbsoluteNormal("/in/../etc")).isFalse();
    assertThat(RemotePaths.isAbsoluteNormal("/in/./x")).isFalse();
    assertThat(RemotePaths.isAbsoluteNormal(null)).isFalse();
    assertThat(RemotePaths.isAbsoluteNormal("/" + "a".repeat(RemotePaths.MAX_PATH_CHARS)))
        .isFalse();
  }

  @Test
  void confinementResolvesDotDotAndRejectsSiblingPrefixes() {
    assertThat(RemotePaths.isConfined("/in", "/in/a.csv")).isTrue();
    assertThat(RemotePaths.isConfined("/in", "/in/sub/../a.csv")).isTrue();
    assertThat(RemotePaths.isConfined("/in", "/in/../etc/passwd")).isFalse();
    assertThat(RemotePaths.isConfined("/in", "/inbox/a.csv")).isFalse();
    assertThat(RemotePaths.isConfined("/in", "/in")).isFalse();
    assertThat(RemotePaths.isConfined("/in", "/etc/passwd")).isFalse();
    assertThat(RemotePaths.isConfined("/in", "/../../in/a.csv")).isFalse();
    assertThat(RemotePaths.isConfined("/in", "relative.csv")).isFalse();
    assertThat(RemotePaths.isConfined("/", "/a.csv")).isTrue();
  }

  @Test
  void linkTargetsResolveAgainstTheLinksFolder() {
    assertThat(RemotePaths.resolve("/in", "a.csv")).contains("/in/a.csv");
    assertThat(RemotePaths.resolve("/in", "../secret/key")).contains("/secret/key");
    assertThat(RemotePaths.resolve("/in", "/etc/passwd")).contains("/etc/passwd");
    assertThat(RemotePaths.resolve("/in", "../../../x")).isEqualTo(Optional.empty());
    assertThat(RemotePaths.resolve("/in", "")).isEmpty();
  }

  @Test
  void childRefusesNamesThatLeaveTheFolder() {
    assertThat(RemotePaths.child("/in", "a.csv")).isEqualTo("/in/a.csv");
    assertThat(RemotePaths.child("/", "a.csv")).isEqualTo("/a.csv");
    assertThatThrownBy(() -> RemotePaths.child("/in", "../a.csv"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RemotePaths.child("/in", ".."))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jschWildcardsAreEscaped() {
    assertThat(RemotePaths.quoteForJsch("/in/a*b?.csv")).isEqualTo("/in/a\\*b\\?.csv");
    assertThat(RemotePaths.quoteForJsch("/in/a\\b")).isEqualTo("/in/a\\\\b");
    assertThat(RemotePaths.quoteForJsch("/in/plain.csv")).isEqualTo("/in/plain.csv");
  }
}
