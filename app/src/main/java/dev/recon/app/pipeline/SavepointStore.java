package dev.recon.app.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each long-running job's savepoints go and which one is the latest: a {@code LATEST} file
 * per job holding the path Flink returned, replaced atomically so a crash while writing it leaves
 * the previous one.
 */
public final class SavepointStore {

  private static final Pattern JOB_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
  private static final int MAX_POINTER_BYTES = 4096;

  private final Path root;

  public SavepointStore(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
  }

  /** The directory Flink writes the job's savepoints under. */
  public Path directoryFor(String job) {
    return root.resolve(requireJobName(job));
  }

  public Optional<String> latest(String job) throws IOException {
    Path pointer = directoryFor(job).resolve("LATEST");
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    if (Files.size(pointer) > MAX_POINTER_BYTES) {
      throw new IOException(pointer + " is not a savepoint pointer (too large)");
    }
    String path = Files.readString(pointer, StandardCharsets.UTF_8).strip();
    return path.isEmpty() ? Optional.empty() : Optional.of(path);
  }

  public void remember(String job, String savepointPath) throws IOException {
    Path dir = Files.createDirectories(directoryFor(job));
    Path tmp = Files.createTempFile(dir, "LATEST", ".tmp");
    Files.writeString(tmp, savepointPath + "\n", StandardCharsets.UTF_8);
    Files.move(tmp, dir.resolve("LATEST"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static String requireJobName(String job) {
    if (job == null || !JOB_NAME.matcher(job).matches()) {
      throw new IllegalArgumentException("job name must match " + JOB_NAME.pattern());
    }
    return job;
  }
}
