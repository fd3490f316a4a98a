package dev.recon.reporting.export.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTargetTest {

  @Test
  void storesListsAndReadsWithinItsRoot(@TempDir Path root) throws IOException {
    FolderTarget target = new FolderTarget(root);
    target.put("d/tenant=a/x.json", "{}".getBytes(StandardCharsets.UTF_8));
    Path file = Files.writeString(root.resolveSibling(root.getFileName() + "-src"), "hello");
    target.put("d/tenant=a/date=2024-01-01/p.csv", file);

    assertThat(target.list("d/"))
        .containsExactly("d/tenant=a/date=2024-01-01/p.csv", "d/tenant=a/x.json");
    assertThat(target.list("nothing/")).isEmpty();
    assertThat(target.read("d/tenant=a/date=2024-01-01/p.csv", 100))
        .hasValue("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(target.read("d/missing", 100)).isEmpty();
    assertThatThrownBy(() -> target.read("d/tenant=a/date=2024-01-01/p.csv", 4))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> target.put("../escape", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    try (var files = Files.list(root.resolve("d/tenant=a"))) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
  }
}
