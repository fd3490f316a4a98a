package dev.recon.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.reporting.access.TotpKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TotpKeysTest {

  @TempDir Path dir;

  @Test
  void aGeneratedKeyIsKeptForItsOwnerOnlyAndReadBackAfterARestart() throws Exception {
    Path file = dir.resolve(TotpKeys.KEY_FILE);
    TotpKey first = TotpKeys.kept(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(TotpKeys.kept(file)).isEqualTo(first);
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void aKeyFileThatHoldsNoKeyIsRefusedWithoutShowingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("totp.key"), "c2hvcnQ=\n");
    assertThatThrownBy(() -> TotpKeys.kept(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be 32 bytes")
        .hasMessageNotContaining("c2hvcnQ");
    Files.writeString(file, "x".repeat((int) TotpKeys.MAX_KEY_FILE_BYTES + 1));
    assertThatThrownBy(() -> TotpKeys.kept(file)).hasMessageContaining("too long");
  }
}
