package dev.recon.app.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.app.platform.HostAndPort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The few calls of Flink's REST API that deploying recon's jobs needs: upload a jar, run it, list
 * jobs, stop a job with a savepoint and follow that savepoint. Requests and responses are mapped by
 * the static methods below, which do no I/O.
 */
public final class FlinkRestClient {
  /** No answer of these endpoints is anywhere near this; a larger one is not Flink's. */
  static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

  /** Uploading a job jar of tens of MiB over a slow link; every other call is quick. */
  static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A run extracts the jar's libraries and runs its main on the JobManager before it answers: on a
   * busy JobManager that takes minutes.
   */
  static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A job as {@code /jobs/overview} lists it. */
  public record JobOverview(String id, String name, String state) {
    /** Whether the job is still on the cluster (not FINISHED, CANCELED or FAILED). */
    public boolean active() {
      return !List.of("FINISHED", "CANCELED", "FAILED").contains(state);
    }
  }

  /** What {@code /jars/:id/run} starts: the entry class and its arguments, and where from. */
  public record RunRequest(
      String entryClass,
      List<String> programArgs,
      Integer parallelism,
      Optional<String> savepointPath) {
    public RunRequest {
      Objects.requireNonNull(entryClass, "entryClass");
      programArgs = List.copyOf(programArgs);
      Objects.requireNonNull(savepointPath, "savepointPath");
    }
  }

  /** The state of an asynchronous savepoint: in progress, or completed at a location or failed. */
  public record SavepointStatus(boolean completed, String location, String failure) {}

  private final URI base;
  private final HttpClient http;

  public FlinkRestClient(HostAndPort jobManager) {
    this(URI.create("http://" + jobManager.host() + ":" + jobManager.port() + "/"));
  }

  FlinkRestClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Uploads a job jar and returns the id the cluster gave it. */
  public String upload(Path jar) throws IOException, InterruptedException {
    String boundary = "recon-" + UUID.randomUUID();
    byte[] body = multipartJar(boundary, jar.getFileName().toString(), Files.readAllBytes(jar));
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("jars/upload"))
            .timeout(UPLOAD_TIMEOUT)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return uploadedJarId(call(request));
  }

  /** Runs an uploaded jar's entry class and returns the id of the job it submitted. */
  public String run(String jarId, RunRequest run) throws IOException, InterruptedException {
    return submittedJobId(post("jars/" + jarId + "/run", runBody(run), RUN_TIMEOUT));
  }

  public List<JobOverview> jobs() throws IOException, InterruptedException {
    return jobOverviews(call(get("jobs/overview")));
  }

  /** Stops a job with a savepoint under {@code targetDirectory}; returns the trigger id. */
  public String stopWithSavepoint(String jobId, String targetDirectory)
      throws IOException, InterruptedException {
    return triggerId(post("jobs/" + jobId + "/stop", stopBody(targetDirectory)));
  }

  public SavepointStatus savepoint(String jobId, String triggerId)
      throws IOException, InterruptedException {
    return savepointStatus(call(get("jobs/" + jobId + "/savepoints/" + triggerId)));
  }

  /**
   * When the job's newest completed checkpoint was triggered, if it has one: after a failure, the
   * first checkpoint triggered after it shows the job runs again with all its tasks.
   */
  public Optional<Instant> latestCompletedCheckpoint(String jobId)
      throws IOException, InterruptedException {
    JsonNode completed =
        call(get("jobs/" + jobId + "/checkpoints")).path("latest").path("completed");
    return completed.hasNonNull("trigger_timestamp")
        ? Optional.of(Instant.ofEpochMilli(completed.get("trigger_timestamp").asLong()))
        : Optional.empty();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(CALL_TIMEOUT).GET().build();
  }

  private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
    return post(path, body, CALL_TIMEOUT);
  }

  private JsonNode post(String path, JsonNode body, Duration timeout)
      throws IOException, InterruptedException {
    return call(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build());
  }

  private JsonNode call(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    byte[] body;
    try (InputStream in = response.body()) {
      body = readLimited(in);
    }
    JsonNode json = body.length == 0 ? JSON.createObjectNode() : parse(body, request);
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + errors(json));
    }
    return json;
  }

  private static JsonNode parse(byte[] body, HttpRequest request) throws IOException {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IOException(request.uri().getPath() + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  static byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      if (out.size() + n > MAX_RESPONSE_BYTES) {
        throw new IOException("Flink answered more than " + MAX_RESPONSE_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The body of {@code /jars/upload}: the jar as the form field {@code jarfile}. */
  static byte[] multipartJar(String boundary, String fileName, byte[] jar) {
    if (!fileName.endsWith(".jar") || fileName.contains("\"") || fileName.contains("\n")) {
      throw new IllegalArgumentException("not a jar file name: " + fileName);
    }
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(jar.length + 512);
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(jar);
    out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  /** {@code {"filename": ".../flink-web-upload/<id>", "status": "success"}}: the id. */
  static String uploadedJarId(JsonNode response) throws IOException {
    String filename = text(response, "filename");
    return filename.substring(filename.lastIndexOf('/') + 1);
  }

  static ObjectNode runBody(RunRequest run) {
    ObjectNode body = JSON.createObjectNode();
    body.put("entryClass", run.entryClass());
    ArrayNode args = body.putArray("programArgsList");
    run.programArgs().forEach(args::add);
    if (run.parallelism() != null) {
      body.put("parallelism", run.parallelism());
    }
    run.savepointPath().ifPresent(path -> body.put("savepointPath", path));
    // state of an operator the new jar no longer has must fail the upgrade, not vanish
    body.put("allowNonRestoredState", false);
    return body;
  }

  static String submittedJobId(JsonNode response) throws IOException {
    return text(response, "jobid");
  }

  static List<JobOverview> jobOverviews(JsonNode response) throws IOException {
    JsonNode jobs = response.get("jobs");
    if (jobs == null || !jobs.isArray()) {
      throw new IOException("no jobs list in " + abbreviate(response));
    }
    List<JobOverview> result = new ArrayList<>();
    for (JsonNode job : jobs) {
      result.add(new JobOverview(text(job, "jid"), text(job, "name"), text(job, "state")));
    }
    return result;
  }

  static ObjectNode stopBody(String targetDirectory) {
    ObjectNode body = JSON.createObjectNode();
    body.put("targetDirectory", targetDirectory);
    // sources stop where they are; the new job resumes there with every open item
    body.put("drain", false);
    return body;
  }

  static String triggerId(JsonNode response) throws IOException {
    return text(response, "request-id");
  }

  static SavepointStatus savepointStatus(JsonNode response) throws IOException {
    JsonNode status = response.path("status").path("id");
    if (!status.isTextual()) {
      throw new IOException("no savepoint status in " + abbreviate(response));
    }
    if (!"COMPLETED".equals(status.asText())) {
      return new SavepointStatus(false, null, null);
    }
    JsonNode operation = response.path("operation");
    if (operation.hasNonNull("location")) {
      return new SavepointStatus(true, operation.get("location").asText(), null);
    }
    JsonNode cause = operation.path("failure-cause");
    String failure =
        cause.hasNonNull("serialized-throwable") || cause.hasNonNull("class")
            ? cause.path("class").asText("") + " " + cause.path("stack-trace").asText("")
            : abbreviate(operation);
    return new SavepointStatus(true, null, failure.strip());
  }

  static String errors(JsonNode response) {
    JsonNode errors = response.get("errors");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      return abbreviate(response);
    }
    List<String> messages = new ArrayList<>();
    errors.forEach(e -> messages.add(e.asText()));
    return abbreviate(String.join("; ", messages));
  }

  private static String text(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IOException("no " + field + " in " + abbreviate(node));
    }
    return value.asText();
  }

  private static String abbreviate(Object value) {
    String text = String.valueOf(value);
    int max = 2_000;
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }
}
