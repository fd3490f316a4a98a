package dev.recon.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.recon.app.cluster.ClusterJobs.Job;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recon submit}'s deployment against a stub of the few Flink REST endpoints it calls. */
class JobDeploymentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JAR_ID = "0b5e_recon-jobs.jar";
  private static final String SAVEPOINT = "file:/savepoints/savepoint-abc";

  @TempDir Path tmp;

  private HttpServer server;
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, JsonNode> bodies = new ConcurrentHashMap<>();
  private final AtomicInteger savepointPolls = new AtomicInteger();
  private volatile String overview = "{\"jobs\":[]}";
  private volatile String savepointAnswer =
      "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"location\":\"" + SAVEPOINT + "\"}}";
  private Path jar;

  @BeforeEach
  void stub() throws IOException {
    jar = Files.write(tmp.resolve("recon-jobs.jar"), new byte[] {'P', 'K', 3, 4});
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    calls.add(call);
    byte[] request = exchange.getRequestBody().readAllBytes();
    int status = 200;
    String answer;
    switch (call) {
      case "POST /jars/upload" -> {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        boolean multipart =
            exchange.getRequestHeaders().getFirst("Content-Type").startsWith("multipart/form-data")
                && text.contains("name=\"jarfile\"; filename=\"recon-jobs.jar\"")
                && text.contains("PK\u0003\u0004");
        status = multipart ? 200 : 400;
        answer =
            multipart
                ? "{\"filename\":\"/tmp/flink-web/flink-web-upload/"
                    + JAR_ID
                    + "\","
                    + "\"status\":\"success\"}"
                : "{\"errors\":[\"not a multipart jar upload\"]}";
      }
      case "GET /jobs/overview" -> answer = overview;
      case "POST /jobs/j-old/stop" -> {
        bodies.put(call, JSON.readTree(request));
        answer = "{\"request-id\":\"t-1\"}";
      }
      case "GET /jobs/j-old/savepoints/t-1" ->
          answer =
              savepointPolls.incrementAndGet() < 3
                  ? "{\"status\":{\"id\":\"IN_PROGRESS\"}}"
                  : savepointAnswer;
      case "POST /jars/" + JAR_ID + "/run" -> {
        JsonNode body = JSON.readTree(request);
        String job = body.get("programArgsList").get(1).asText();
        bodies.put(call + " " + job, body);
        answer = "{\"jobid\":\"j-" + job + "\"}";
      }
      default -> {
        status = 404;
        answer = "{\"errors\":[\"Not found: " + call + "\"]}";
      }
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private JobDeployment deployment() {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new JobDeployment(new FlinkRestClient(base), d -> {});
  }

  private JobDeployment.Plan plan(List<Job> jobs, boolean upgrade, Optional<String> from) {
    return new JobDeployment.Plan(
        jar,
        jobs,
        job -> List.of("--kafka", "127.0.0.1:9092"),
        2,
        upgrade,
        "file:/savepoints",
        from,
        Duration.ofSeconds(5));
  }

  @Test
  void startsEachJobFromTheUploadedJarWithItsNameAndArguments() throws Exception {
    List<JobDeployment.Deployed> deployed =
        deployment().deploy(plan(List.of(Job.normalize, Job.match), false, Optional.empty()));

    assertThat(deployed)
        .extracting(JobDeployment.Deployed::jobId)
        .containsExactly("j-normalize", "j-match");
    assertThat(calls)
        .containsExactly(
            "GET /jobs/overview",
            "POST /jars/upload",
            "POST /jars/" + JAR_ID + "/run",
            "POST /jars/" + JAR_ID + "/run");
    JsonNode run = bodies.get("POST /jars/" + JAR_ID + "/run match");
    assertThat(run.get("entryClass").asText()).isEqualTo(ClusterJobs.class.getName());
    assertThat(run.get("programArgsList").toString())
        .isEqualTo("[\"--job\",\"match\",\"--kafka\",\"127.0.0.1:9092\"]");
    assertThat(run.get("parallelism").asInt()).isEqualTo(2);
    assertThat(run.has("savepointPath")).isFalse();
    assertThat(run.get("allowNonRestoredState").asBoolean()).isFalse();
  }

  @Test
  void anUpgradeStopsTheRunningJobWithASavepointAndStartsTheNewJarFromIt() throws Exception {
    overview =
        "{\"jobs\":[{\"jid\":\"j-gone\",\"name\":\"recon-match\",\"state\":\"CANCELED\"},"
            + "{\"jid\":\"j-old\",\"name\":\"recon-match\",\"state\":\"RUNNING\"}]}";

    List<JobDeployment.Deployed> deployed =
        deployment().deploy(plan(List.of(Job.match), true, Optional.empty()));

    assertThat(deployed)
        .containsExactly(
            new JobDeployment.Deployed(Job.match, "j-match", Optional.of(SAVEPOINT), "j-old"));
    JsonNode stop = bodies.get("POST /jobs/j-old/stop");
    assertThat(stop.get("targetDirectory").asText()).isEqualTo("file:/savepoints");
    assertThat(stop.get("drain").asBoolean()).isFalse();
    assertThat(savepointPolls).hasValue(3);
    assertThat(bodies.get("POST /jars/" + JAR_ID + "/run match").get("savepointPath").asText())
        .isEqualTo(SAVEPOINT);
  }

  @Test
  void aRunningJobIsRefusedWithoutUpgradeBeforeAnythingChanges() {
    overview =
        "{\"jobs\":[{\"jid\":\"j-old\",\"name\":\"recon-normalize\",\"state\":\"RUNNING\"}]}";

    assertThatThrownBy(
            () ->
                deployment()
                    .deploy(plan(List.of(Job.match, Job.normalize), false, Optional.empty())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("recon-normalize is already running as j-old");
    assertThat(calls).containsExactly("GET /jobs/overview");
  }

  @Test
  void aFailedSavepointFailsTheUpgradeAndStartsNothing() {
    overview = "{\"jobs\":[{\"jid\":\"j-old\",\"name\":\"recon-match\",\"state\":\"RUNNING\"}]}";
    savepointAnswer =
        "{\"status\":{\"id\":\"COMPLETED\"},\"operation\":{\"failure-cause\":"
            + "{\"class\":\"java.util.concurrent.TimeoutException\",\"stack-trace\":\"timed out\"}}}";

    assertThatThrownBy(() -> deployment().deploy(plan(List.of(Job.match), true, Optional.empty())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("TimeoutException");
    assertThat(calls).noneMatch(c -> c.endsWith("/run"));
  }

  @Test
  void aStartFromAGivenSavepointPassesItOn() throws Exception {
    deployment().deploy(plan(List.of(Job.normalize), false, Optional.of("file:/sp/1")));

    assertThat(bodies.get("POST /jars/" + JAR_ID + "/run normalize").get("savepointPath").asText())
        .isEqualTo("file:/sp/1");
  }

  @Test
  void flinksErrorsAreReported() {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    FlinkRestClient client = new FlinkRestClient(base);

    assertThatThrownBy(() -> client.stopWithSavepoint("j-unknown", "file:/x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("Not found: POST /jobs/j-unknown/stop");
  }

  @Test
  void twoRunningJobsOfOneNameAreAnError() {
    List<FlinkRestClient.JobOverview> jobs =
        List.of(
            new FlinkRestClient.JobOverview("a", "recon-match", "RUNNING"),
            new FlinkRestClient.JobOverview("b", "recon-match", "RESTARTING"));

    assertThatThrownBy(() -> JobDeployment.active(jobs, Job.match))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("2 jobs named recon-match");
  }

  @Test
  void anOversizedAnswerIsRefused() {
    byte[] huge = new byte[FlinkRestClient.MAX_RESPONSE_BYTES + 1];

    assertThatThrownBy(() -> FlinkRestClient.readLimited(new java.io.ByteArrayInputStream(huge)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("more than");
  }
}
