package dev.recon.app.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Java process started from a class path, its output in a log file, killed on close. */
final class ChildJvm implements AutoCloseable {
  private static final long STOP_WAIT_SECONDS = 30;

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** The class path this test runs with (surefire/failsafe name it apart from java.class.path). */
  static List<String> testClassPath() {
    String path = System.getProperty("surefire.test.class.path");
    if (path == null || path.isBlank()) {
      path = System.getProperty("java.class.path");
    }
    return List.of(path.split(java.io.File.pathSeparator));
  }

  static ChildJvm start(
      String name,
      List<String> classPath,
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Path dir)
      throws IOException {
    Files.createDirectories(dir);
    Path argFile = dir.resolve(name + ".args");
    List<String> lines = new ArrayList<>();
    lines.add("-cp");
    lines.add(quoted(String.join(java.io.File.pathSeparator, classPath)));
    jvmOptions.forEach(o -> lines.add(quoted(o)));
    lines.add(mainClass);
    args.forEach(a -> lines.add(quoted(a)));
    Files.write(argFile, lines, StandardCharsets.UTF_8);
    Path log = dir.resolve(name + ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(java.toString(), "@" + argFile)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ChildJvm(name, process, log);
  }

  private static String quoted(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no goodbye to the JobManager. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The first match of {@code pattern}'s group 1 in the log, waiting up to {@code seconds}. */
  Optional<String> awaitLog(Pattern pattern, long seconds)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          return Optional.of(m.group(1));
        }
      }
      if (!process.isAlive()) {
        return Optional.empty();
      }
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- "
          + name
          + " (pid "
          + process.pid()
          + (process.isAlive() ? ", alive" : ", exited")
          + ") "
          + log
          + "\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | RuntimeException e) {
      return "--- " + name + ": no log (" + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
