package dev.recon.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Flink session cluster on loopback as separate processes, from the Maven class path like a Flink
 * distribution's lib/ (no download): a JobManager and TaskManagers that can be killed and replaced.
 * recon's own classes and the libraries its job jar carries are left off their class path, so the
 * jobs run only from what the jar brings.
 */
final class StandaloneFlinkCluster implements AutoCloseable {
  static final int SLOTS_PER_TASK_MANAGER = 4;

  private static final int START_ATTEMPTS = 3;
  private static final int MAX_REVIVALS = 4;
  private static final Duration STARTUP_WAIT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a Flink distribution does not have: recon, the connector, Kafka, Avro, JDBC. */
  private static final Predicate<String> NOT_IN_A_FLINK_DISTRIBUTION =
      entry -> {
        String file = Path.of(entry).getFileName().toString();
        return entry.endsWith("/target/classes")
            || entry.endsWith("/target/test-classes")
            || file.startsWith("recon")
            || file.startsWith("kafka")
            || file.startsWith("flink-connector-kafka")
            || file.startsWith("flink-avro")
            || file.startsWith("avro-")
            || file.startsWith("postgresql-")
            || file.startsWith("jooq")
            || file.startsWith("HikariCP");
      };

  private final Path dir;
  private final Path confDir;
  private final List<String> classPath;
  private final int restPort;
  private final ChildJvm jobManager;
  private final List<ChildJvm> taskManagers = new ArrayList<>();
  private final List<ChildJvm> killed = new ArrayList<>();
  private int started;
  private int revived;

  private StandaloneFlinkCluster(
      Path dir, Path confDir, List<String> classPath, int restPort, ChildJvm jobManager) {
    this.dir = dir;
    this.confDir = confDir;
    this.classPath = classPath;
    this.restPort = restPort;
    this.jobManager = jobManager;
  }

  /**
   * Starts the JobManager, then the TaskManagers, and returns once all are registered. A process
   * that dies while starting is started again: Flink's actor system gives up after 10 s, which a
   * two-core machine shared with other builds can exceed.
   */
  static StandaloneFlinkCluster start(Path dir, int taskManagers)
      throws IOException, InterruptedException {
    Path confDir = Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(dir.resolve("tmp"));
    Files.createDirectories(dir.resolve("uploads"));
    Files.writeString(confDir.resolve("logback.xml"), LOGBACK);
    List<String> classPath =
        ChildJvm.testClassPath().stream().filter(NOT_IN_A_FLINK_DISTRIBUTION.negate()).toList();
    for (int attempt = 1; ; attempt++) {
      int restPort = freePort();
      Files.writeString(confDir.resolve("config.yaml"), config(dir, freePort(), restPort));
      ChildJvm jm =
          ChildJvm.start(
              "jobmanager-" + attempt,
              classPath,
              jvmOptions(confDir, "-Xmx384m"),
              "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
              List.of("--configDir", confDir.toString()),
              dir.resolve("logs"));
      StandaloneFlinkCluster cluster =
          new StandaloneFlinkCluster(dir, confDir, classPath, restPort, jm);
      if (cluster.registeredTaskManagers(STARTUP_WAIT) < 0) {
        jm.kill();
        if (attempt == START_ATTEMPTS) {
          throw new IOException("the JobManager did not start\n" + jm.tail(60));
        }
        continue;
      }
      try {
        for (int i = 0; i < taskManagers; i++) {
          cluster.startTaskManager();
        }
        cluster.awaitTaskManagers(taskManagers);
      } catch (IOException | RuntimeException | InterruptedException e) {
        cluster.closeQuietly();
        throw e;
      }
      return cluster;
    }
  }

  /** Waits until {@code count} TaskManagers are registered, restarting any that died starting. */
  void awaitTaskManagers(int count) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP_WAIT.toNanos() * START_ATTEMPTS;
    while (registeredTaskManagers(Duration.ofSeconds(5)) < count) {
      if (System.nanoTime() > deadline) {
        throw new IOException(count + " TaskManagers did not register\n" + diagnostics(40));
      }
      reviveDeadTaskManagers();
      Thread.sleep(500);
    }
  }

  /** Replaces TaskManagers whose process ended by itself (not killed by the test). */
  void reviveDeadTaskManagers() throws IOException {
    List<ChildJvm> dead = taskManagers.stream().filter(tm -> !tm.alive()).toList();
    for (ChildJvm tm : dead) {
      if (++revived > MAX_REVIVALS) {
        throw new IOException("TaskManagers keep dying\n" + diagnostics(40));
      }
      taskManagers.remove(tm);
      killed.add(tm);
      startTaskManager();
    }
  }

  /**
   * TaskManagers the JobManager knows, or -1 if its REST API did not answer within {@code wait}.
   */
  int registeredTaskManagers(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    HttpClient http = HttpClient.newHttpClient();
    while (jobManager.alive()) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + "/taskmanagers"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return JSON.readTree(response.body()).path("taskmanagers").size();
        }
      } catch (IOException e) {
        // not up yet
      }
      if (System.nanoTime() > deadline) {
        return -1;
      }
      Thread.sleep(500);
    }
    return -1;
  }

  int restPort() {
    return restPort;
  }

  /** Starts one more TaskManager; it registers with the JobManager by itself. */
  ChildJvm startTaskManager() throws IOException {
    ChildJvm tm =
        ChildJvm.start(
            "taskmanager-" + (++started),
            classPath,
            jvmOptions(confDir, "-Xmx320m", "-XX:MaxDirectMemorySize=256m"),
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
            List.of("--configDir", confDir.toString()),
            dir.resolve("logs"));
    taskManagers.add(tm);
    return tm;
  }

  List<ChildJvm> taskManagers() {
    return List.copyOf(taskManagers);
  }

  /** SIGKILLs a running TaskManager and starts its replacement. */
  ChildJvm killAndReplace(int index) throws IOException, InterruptedException {
    ChildJvm victim = taskManagers.remove(index);
    victim.kill();
    killed.add(victim);
    startTaskManager();
    return victim;
  }

  /** The last lines of every process's log, for a failure message. */
  String diagnostics(int lines) {
    StringBuilder text = new StringBuilder(jobManager.tail(lines));
    taskManagers.forEach(tm -> text.append('\n').append(tm.tail(lines)));
    killed.forEach(tm -> text.append('\n').append(tm.tail(lines / 4)));
    return text.toString();
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    List<ChildJvm> all = new ArrayList<>(taskManagers);
    all.add(jobManager);
    for (ChildJvm jvm : all) {
      try {
        jvm.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static List<String> jvmOptions(Path confDir, String... memory) {
    List<String> options = new ArrayList<>(List.of(memory));
    // what a Flink distribution's env.java.default-opts.all opens on Java 17
    for (String pkg :
        List.of(
            "java.lang",
            "java.net",
            "java.io",
            "java.nio",
            "sun.nio.ch",
            "java.lang.reflect",
            "java.text",
            "java.time",
            "java.util",
            "java.util.concurrent",
            "java.util.concurrent.atomic",
            "java.util.concurrent.locks")) {
      options.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
    }
    options.add("-XX:+UseSerialGC");
    options.add("-XX:TieredStopAtLevel=1");
    options.add("-Dlogback.configurationFile=" + confDir.resolve("logback.xml"));
    options.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.recon.schemas");
    return options;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String config(Path dir, int rpcPort, int restPort) {
    String lines =
        String.join(
            "\n",
            "jobmanager.rpc.address: 127.0.0.1",
            "jobmanager.rpc.port: " + rpcPort,
            "jobmanager.bind-host: 127.0.0.1",
            "rest.address: 127.0.0.1",
            "rest.bind-address: 127.0.0.1",
            "rest.port: " + restPort,
            "taskmanager.host: 127.0.0.1",
            "taskmanager.bind-host: 127.0.0.1",
            "taskmanager.numberOfTaskSlots: " + SLOTS_PER_TASK_MANAGER,
            "taskmanager.memory.framework.heap.size: 64m",
            "taskmanager.memory.task.heap.size: 160m",
            "taskmanager.memory.managed.size: 16m",
            "taskmanager.memory.network.min: 32m",
            "taskmanager.memory.network.max: 32m",
            "taskmanager.memory.framework.off-heap.size: 64m",
            "taskmanager.memory.task.off-heap.size: 0m",
            "taskmanager.memory.jvm-metaspace.size: 192m",
            "taskmanager.memory.jvm-overhead.min: 64m",
            "taskmanager.memory.jvm-overhead.max: 64m",
            "jobmanager.memory.process.size: 640m",
            "parallelism.default: 2",
            // a SIGKILLed TaskManager says no goodbye: notice it within seconds
            // (a dead one fails its heartbeat RPCs at once; the timeout is for a silent one)
            "heartbeat.interval: 1000",
            "heartbeat.timeout: 15000",
            "heartbeat.rpc-failure-threshold: 2",
            // a two-core machine shared with other builds can be slow to start an actor system
            "pekko.startup-timeout: 120 s",
            "pekko.ask.timeout: 60 s",
            "taskmanager.cpu.cores: " + SLOTS_PER_TASK_MANAGER,
            "cluster.evenly-spread-out-slots: true",
            "slot.request.timeout: 120000",
            "state.backend.type: hashmap",
            "execution.checkpointing.dir: " + dir.resolve("checkpoints").toUri(),
            "execution.checkpointing.savepoint-dir: " + dir.resolve("savepoints").toUri(),
            "classloader.check-leaked-classloader: false",
            "web.upload.dir: " + dir.resolve("uploads"),
            "io.tmp.dirs: " + dir.resolve("tmp"),
            "");
    return lines;
  }

  private static final String LOGBACK =
      String.join(
          "\n",
          "<configuration>",
          "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
          "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>",
          "  </appender>",
          "  <logger name=\"org.apache.kafka\" level=\"WARN\"/>",
          "  <logger name=\"org.apache.pekko\" level=\"WARN\"/>",
          "  <root level=\"INFO\"><appender-ref ref=\"OUT\"/></root>",
          "</configuration>",
          "");
}
