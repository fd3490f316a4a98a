package dev.recon.app.cluster;

import static dev.recon.app.cluster.ClusterJobsFixture.writeRuntimeProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedFlinkPropertiesTest {
  @TempDir Path dir;

  private Path file(String json) throws Exception {
    return Files.writeString(dir.resolve("application_properties.json"), json);
  }

  @Test
  void readsTheReconGroupOnly() throws Exception {
    Path file =
        writeRuntimeProperties(
            dir.resolve("application_properties.json"),
            Map.of("recon.job", "match", "recon.kafka.bootstrap", "b:9098"));

    ManagedFlinkProperties properties = ManagedFlinkProperties.read(file);

    assertThat(properties.values())
        .containsOnly(
            Map.entry("recon.job", "match"), Map.entry("recon.kafka.bootstrap", "b:9098"));
  }

  @Test
  void noFileIsNoProperties() throws Exception {
    assertThat(ManagedFlinkProperties.read(dir.resolve("absent.json")).values()).isEmpty();
  }

  @Test
  void noReconGroupIsNoProperties() throws Exception {
    Path file = file("[{\"PropertyGroupId\": \"other\", \"PropertyMap\": {\"a\": \"b\"}}]");

    assertThat(ManagedFlinkProperties.read(file).values()).isEmpty();
  }

  @Test
  void aFileOverTheLimitIsRefusedUnread() throws Exception {
    String padding = " ".repeat(ManagedFlinkProperties.MAX_FILE_BYTES);
    Path exactly = file("[]" + padding.substring(2));
    assertThat(Files.size(exactly)).isEqualTo(ManagedFlinkProperties.MAX_FILE_BYTES);
    assertThat(ManagedFlinkProperties.read(exactly).values()).isEmpty();

    Path over = file("[]" + padding.substring(1));

    assertThatThrownBy(() -> ManagedFlinkProperties.read(over))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            over
                + ": larger than "
                + ManagedFlinkProperties.MAX_FILE_BYTES
                + " bytes; not Managed Flink's properties");
  }

  @Test
  void malformedJsonIsNamedByPlaceWithoutItsText() throws Exception {
    Path file =
        file(
            "[{\"PropertyGroupId\": \"recon\",\n"
                + " \"PropertyMap\": {\"recon.db.appPassword\": s3cr3t-Pw}}]");

    assertThatThrownBy(() -> ManagedFlinkProperties.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ": not valid JSON at line 2, column ")
        .hasMessageContaining("Unrecognized token")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }

  @Test
  void theWrongShapeNamesEveryProblem() throws Exception {
    Path file =
        file(
            "[{\"PropertyMap\": {}},"
                + " {\"PropertyGroupId\": \"recon\", \"PropertyMap\": {\"recon.job\": 1,"
                + " \"recon.kafka.bootstrap\": \"b:9092\"}},"
                + " {\"PropertyGroupId\": \"recon\", \"PropertyMap\": {}}]");

    assertThatThrownBy(() -> ManagedFlinkProperties.read(file))
        .hasMessage(
            file
                + ": property group 0 has no text PropertyGroupId;"
                + " property recon.job of group recon is not a text value;"
                + " property group recon appears twice");
  }

  @Test
  void notAnArrayIsRefused() throws Exception {
    Path file = file("{\"PropertyGroupId\": \"recon\"}");

    assertThatThrownBy(() -> ManagedFlinkProperties.read(file))
        .hasMessage(file + ": not a JSON array of property groups");
  }

  @Test
  void aKeyGivenTwiceIsRefused() throws Exception {
    Path file =
        file(
            "[{\"PropertyGroupId\": \"recon\", \"PropertyMap\":"
                + " {\"recon.job\": \"match\", \"recon.job\": \"normalize\"}}]");

    assertThatThrownBy(() -> ManagedFlinkProperties.read(file))
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("Duplicate field");
  }

  @Test
  void tooManyGroupsAreRefused() throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i <= ManagedFlinkProperties.MAX_GROUPS; i++) {
      json.append(i == 0 ? "" : ",").append("{\"PropertyGroupId\": \"g").append(i).append("\"}");
    }
    Path file = file(json.append("]").toString());

    assertThatThrownBy(() -> ManagedFlinkProperties.read(file))
        .hasMessageContaining(
            "more than " + ManagedFlinkProperties.MAX_GROUPS + " property groups");
  }

  @Test
  void utf8ValuesAreKept() throws Exception {
    Path file =
        Files.write(
            dir.resolve("application_properties.json"),
            "[{\"PropertyGroupId\": \"recon\", \"PropertyMap\": {\"recon.db.appUser\": \"zoë\"}}]"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(ManagedFlinkProperties.read(file).values()).containsEntry("recon.db.appUser", "zoë");
  }
}
