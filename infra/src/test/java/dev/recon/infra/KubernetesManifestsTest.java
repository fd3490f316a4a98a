package dev.recon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The manifests in infra/kubernetes for the Flink Kubernetes Operator, and a broken fixture. */
class KubernetesManifestsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String NAMESPACE = "recon";

  /** Documents by file name, in file order. */
  private static Map<String, List<JsonNode>> manifests;

  @BeforeAll
  static void load() throws IOException {
    manifests = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(InfraPaths.kubernetes())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        manifests.put(f.getFileName().toString(), documents(f));
      }
    }
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = YAML.getFactory().createParser(file.toFile())) {
      YAML.readValues(parser, JsonNode.class)
          .forEachRemaining(
              d -> {
                if (d != null && !d.isNull() && !d.isMissingNode()) {
                  docs.add(d);
                }
              });
    }
    return docs;
  }

  private static List<JsonNode> ofKind(String kind) {
    return manifests.values().stream()
        .flatMap(List::stream)
        .filter(d -> kind.equals(d.path("kind").asText()))
        .toList();
  }

  @Test
  void kustomizationAppliesEveryManifest() {
    JsonNode kustomization = manifests.get("kustomization.yaml").get(0);
    Set<String> resources = new TreeSet<>();
    kustomization.path("resources").forEach(r -> resources.add(r.asText()));
    Set<String> files = new TreeSet<>(manifests.keySet());
    files.remove("kustomization.yaml");
    assertThat(resources).isEqualTo(files);
    assertThat(kustomization.path("namespace").asText()).isEqualTo(NAMESPACE);
  }

  @Test
  void everyObjectIsNamedAndInTheReconNamespace() {
    manifests.forEach(
        (file, docs) -> {
          if (file.equals("kustomization.yaml")) {
            return;
          }
          for (JsonNode d : docs) {
            assertThat(d.path("apiVersion").asText()).as(file).isNotBlank();
            assertThat(d.path("metadata").path("name").asText()).as(file).isNotBlank();
            if (!d.path("kind").asText().equals("Namespace")) {
              assertThat(d.path("metadata").path("namespace").asText())
                  .as(file)
                  .isEqualTo(NAMESPACE);
            }
          }
        });
  }

  @Test
  void bothJobsRunAsFlinkDeploymentsThatPassTheChecks() {
    List<JsonNode> deployments = ofKind("FlinkDeployment");
    assertThat(deployments)
        .extracting(d -> d.path("spec").path("job").path("args").toString())
        .containsExactlyInAnyOrder("[\"--job\",\"normalize\"]", "[\"--job\",\"match\"]");
    for (JsonNode d : deployments) {
      assertThat(FlinkDeploymentChecks.check("kubernetes", d)).isEmpty();
    }
  }

  @Test
  void jobsRunAsADeclaredServiceAccountWithARoleBinding() {
    Set<String> accounts = new TreeSet<>();
    ofKind("ServiceAccount").forEach(a -> accounts.add(a.path("metadata").path("name").asText()));
    Set<String> bound = new TreeSet<>();
    ofKind("RoleBinding")
        .forEach(b -> b.path("subjects").forEach(s -> bound.add(s.path("name").asText())));
    for (JsonNode d : ofKind("FlinkDeployment")) {
      String account = d.path("spec").path("serviceAccount").asText();
      assertThat(accounts).contains(account);
      assertThat(bound).contains(account);
    }
  }

  @Test
  void kafkaTlsFilesAreAnOptionalReadOnlySecretOnEveryJobPod() {
    for (JsonNode d : ofKind("FlinkDeployment")) {
      JsonNode pod = d.path("spec").path("podTemplate").path("spec");
      JsonNode volume = null;
      for (JsonNode v : pod.path("volumes")) {
        if (v.path("name").asText().equals("kafka-tls")) {
          volume = v;
        }
      }
      assertThat(volume).as("kafka-tls volume").isNotNull();
      assertThat(volume.path("secret").path("secretName").asText()).isEqualTo("recon-kafka-tls");
      // a deployment without mutual TLS or a private CA has no such secret and must still start
      assertThat(volume.path("secret").path("optional").asBoolean(false)).isTrue();
      JsonNode mount = pod.path("containers").get(0).path("volumeMounts").get(0);
      assertThat(mount.path("name").asText()).isEqualTo("kafka-tls");
      assertThat(mount.path("mountPath").asText()).isEqualTo("/etc/recon/kafka-tls");
      assertThat(mount.path("readOnly").asBoolean(false)).isTrue();
    }
  }

  @Test
  void noSecretObjectsInTheManifests() {
    assertThat(ofKind("Secret")).isEmpty();
  }

  @Test
  void imageCarriesTheJarWhereJarUriPointsAndMetricsAreScraped() throws IOException {
    String dockerfile = Files.readString(InfraPaths.kubernetes().resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains(FlinkDeploymentChecks.JAR_URI.substring("local://".length()))
        .containsPattern("(?m)^FROM flink:2\\.");
    String port =
        ofKind("PodMonitor")
            .get(0)
            .path("spec")
            .path("podMetricsEndpoints")
            .get(0)
            .path("port")
            .asText();
    for (JsonNode d : ofKind("FlinkDeployment")) {
      List<String> ports = new ArrayList<>();
      d.path("spec")
          .path("podTemplate")
          .path("spec")
          .path("containers")
          .forEach(
              c ->
                  c.path("ports")
                      .forEach(
                          p ->
                              ports.add(
                                  p.path("name").asText()
                                      + ":"
                                      + p.path("containerPort").asText())));
      assertThat(ports)
          .contains(
              port
                  + ":"
                  + d.path("spec")
                      .path("flinkConfiguration")
                      .path("metrics.reporter.prom.port")
                      .asText());
    }
  }

  @Test
  void rejectsABrokenFlinkDeployment() throws IOException {
    JsonNode broken =
        documents(InfraPaths.fixture("kubernetes/broken-flinkdeployment.yaml")).get(0);
    assertThat(FlinkDeploymentChecks.check("broken", broken))
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "flinkVersion is not a Flink 2 version (the jobs use 2.x)",
            "jarURI is 'https://example.com/recon-jobs.jar', expected '"
                + FlinkDeploymentChecks.JAR_URI
                + "'",
            "upgradeMode is 'stateless', expected 'savepoint'",
            "job.allowNonRestoredState is not false: state could be lost",
            "high-availability.type is '', expected 'kubernetes'",
            "high-availability.storageDir is not on S3",
            "execution.checkpointing.dir is not on S3",
            "taskManager has no memory and cpu",
            "env RECON_APP_DB_PASSWORD is not taken from a secretKeyRef");
  }
}
