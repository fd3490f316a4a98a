package dev.recon.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a FlinkDeployment of the recon jobs must say: application mode with the job jar baked into
 * the image, savepoint upgrades, Kubernetes HA, checkpoints and savepoints on S3, Prometheus
 * metrics, and secrets only by reference.
 */
final class FlinkDeploymentChecks {
  /** Where the image carries the job jar (infra/kubernetes/Dockerfile copies it there). */
  static final String JAR_URI = "local:///opt/flink/usrlib/recon-jobs.jar";

  /** The job jar's entry class; infra/README.md states the contract with it. */
  static final String ENTRY_CLASS = "dev.recon.app.cluster.ClusterJobs";

  static final Pattern FLINK_2 = Pattern.compile("v2_[0-9]+");

  private FlinkDeploymentChecks() {}

  static List<Finding> check(String file, JsonNode d) {
    List<Finding> findings = new ArrayList<>();
    String where = file + " " + d.path("metadata").path("name").asText("<unnamed>");
    expect(findings, where, d, "apiVersion", "flink.apache.org/v1beta1");
    JsonNode spec = d.path("spec");
    if (!FLINK_2.matcher(spec.path("flinkVersion").asText("")).matches()) {
      findings.add(
          new Finding("flink", where, "flinkVersion is not a Flink 2 version (the jobs use 2.x)"));
    }
    if (spec.path("serviceAccount").asText("").isBlank()) {
      findings.add(new Finding("flink", where, "has no serviceAccount"));
    }
    JsonNode job = spec.path("job");
    expect(findings, where, job, "jarURI", JAR_URI);
    expect(findings, where, job, "entryClass", ENTRY_CLASS);
    expect(findings, where, job, "upgradeMode", "savepoint");
    expect(findings, where, job, "state", "running");
    if (job.path("allowNonRestoredState").asBoolean(true)) {
      findings.add(
          new Finding(
              "flink", where, "job.allowNonRestoredState is not false: state could be lost"));
    }
    JsonNode conf = spec.path("flinkConfiguration");
    expect(findings, where, conf, "high-availability.type", "kubernetes");
    for (String dir :
        List.of(
            "high-availability.storageDir",
            "execution.checkpointing.dir",
            "execution.checkpointing.savepoint-dir")) {
      if (!conf.path(dir).asText("").startsWith("s3://")) {
        findings.add(new Finding("flink", where, dir + " is not on S3"));
      }
    }
    if (conf.path("execution.checkpointing.interval").asText("").isBlank()) {
      findings.add(new Finding("flink", where, "has no checkpoint interval"));
    }
    if (conf.path("metrics.reporter.prom.factory.class").asText("").isBlank()) {
      findings.add(new Finding("flink", where, "has no Prometheus metrics reporter"));
    }
    for (String role : List.of("jobManager", "taskManager")) {
      JsonNode resource = spec.path(role).path("resource");
      if (resource.path("memory").asText("").isBlank() || resource.path("cpu").isMissingNode()) {
        findings.add(new Finding("flink", where, role + " has no memory and cpu"));
      }
    }
    for (JsonNode container : spec.path("podTemplate").path("spec").path("containers")) {
      for (JsonNode env : container.path("env")) {
        String name = env.path("name").asText("");
        if (TerraformChecks.SECRET_NAME.matcher(name).matches()
            && env.path("valueFrom").path("secretKeyRef").isMissingNode()) {
          findings.add(
              new Finding("flink", where, "env " + name + " is not taken from a secretKeyRef"));
        }
      }
    }
    return findings;
  }

  private static void expect(
      List<Finding> findings, String where, JsonNode node, String field, String value) {
    String actual = node.path(field).asText("");
    if (!actual.equals(value)) {
      findings.add(
          new Finding("flink", where, field + " is '" + actual + "', expected '" + value + "'"));
    }
  }
}
