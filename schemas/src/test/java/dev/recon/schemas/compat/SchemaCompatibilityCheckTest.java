package dev.recon.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityCheckTest {
  private static final String V1 =
      """
      {"type":"record","name":"Payout","namespace":"t","fields":[
        {"name":"id","type":"string"}]}""";

  @Test
  void aNewFieldWithoutDefaultCannotReadOldData(@TempDir Path dir) throws IOException {
    Path baseline = write(dir.resolve("baseline"), V1);
    Path current =
        write(
            dir.resolve("current"),
            """
            {"type":"record","name":"Payout","namespace":"t","fields":[
              {"name":"id","type":"string"},{"name":"amount_minor","type":"long"}]}""");
    assertThat(SchemaCompatibilityCheck.check(current, baseline))
        .singleElement()
        .asString()
        .contains("t.Payout")
        .contains("amount_minor");
  }

  @Test
  void aNewFieldWithDefaultIsCompatible(@TempDir Path dir) throws IOException {
    Path baseline = write(dir.resolve("baseline"), V1);
    Path current =
        write(
            dir.resolve("current"),
            """
            {"type":"record","name":"Payout","namespace":"t","fields":[
              {"name":"id","type":"string"},{"name":"note","type":["null","string"],"default":null}]}""");
    assertThat(SchemaCompatibilityCheck.check(current, baseline)).isEmpty();
  }

  @Test
  void removingARecordTheBaselineHasIsReported(@TempDir Path dir) throws IOException {
    Path baseline = write(dir.resolve("baseline"), V1);
    Path current = Files.createDirectories(dir.resolve("current"));
    assertThat(SchemaCompatibilityCheck.check(current, baseline))
        .singleElement()
        .asString()
        .contains("removed");
  }

  @Test
  void theCommittedSchemasReadTheCommittedBaseline() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    Path current = module.resolve("src/main/avro");
    Path baseline = module.resolve("compat-baseline");
    assertThat(SchemaCompatibilityCheck.parseAll(baseline)).containsKey("dev.recon.schemas.Match");
    assertThat(SchemaCompatibilityCheck.check(current, baseline)).isEmpty();
  }

  private static Path write(Path dir, String schema) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("Payout.avsc"), schema);
    return dir;
  }
}
