package dev.recon.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime properties the Terraform environments give the Managed Flink applications are the
 * ones {@link ClusterJobs} reads: a key renamed on one side only would be refused at start-up on
 * AWS, where nothing here runs.
 */
class TerraformRuntimePropertiesTest {
  private static final Path TERRAFORM = Path.of("..", "infra", "terraform");

  /** A quoted {@code "recon.*"} key assigned in HCL, in a map or a merge(). */
  private static final Pattern PROPERTY_KEY = Pattern.compile("\"(recon\\.[A-Za-z0-9_.]+)\"\\s*=");

  @Test
  void everyEnvironmentSetsOnlyPropertiesTheJobReads() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> tf = Files.walk(TERRAFORM)) {
      tf.filter(p -> p.toString().endsWith(".tf"))
          .filter(p -> p.startsWith(TERRAFORM.resolve("environments")) || isFlinkModule(p))
          .forEach(files::add);
    }
    Map<String, String> keys = new LinkedHashMap<>();
    for (Path file : files) {
      Matcher m = PROPERTY_KEY.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        // the values are Terraform expressions; only the keys are compared (and the prefix's
        // value is checked against the jobs' ids, so it gets theirs)
        keys.put(
            m.group(1),
            m.group(1).equals(ManagedFlinkSettings.CONSUMER_GROUP_PREFIX)
                ? ClusterJobs.CLIENT_ID_PREFIX
                : "value-of-" + m.group(1));
      }
    }
    assertThat(keys)
        .as("runtime properties in " + files)
        .containsKeys(
            ManagedFlinkSettings.JOB,
            ManagedFlinkSettings.DB_CREDENTIALS_SECRET,
            "recon.kafka.bootstrap",
            "recon.db.url");

    List<String> errors = new ArrayList<>();
    ManagedFlinkSettings.of(
        new ManagedFlinkProperties(Path.of("application_properties.json"), keys), errors);

    assertThat(errors).as("keys " + keys.keySet()).isEmpty();
  }

  private static boolean isFlinkModule(Path p) {
    return p.startsWith(TERRAFORM.resolve("modules").resolve("flink"));
  }
}
