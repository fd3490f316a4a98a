package dev.recon.app.platform;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on a data folder by a recon process that died without stopping
 * it (kill -9, a crash). It holds the folder, so the next start would wait for a server that can
 * never come up; it is stopped first, the way {@code pg_ctl stop -m smart} would.
 */
final class OrphanedPostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);

  /** zonky's lock file: held by the live process that started the server on this folder. */
  private static final String OWNER_LOCK = "epg-lock";

  private static final String PID_FILE = "postmaster.pid";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private OrphanedPostmaster() {}

  /**
   * Stops the server running on {@code dataDir} if no live process owns it; fails if a live one
   * does (two recon processes cannot share a data folder).
   */
  static void stopIfAny(Path dataDir) throws IOException {
    Optional<ProcessHandle> postmaster = runningPostmaster(dataDir);
    if (postmaster.isEmpty()) {
      return;
    }
    if (ownedByLiveProcess(dataDir)) {
      throw new IOException(
          "PostgreSQL data folder " + dataDir + " is in use by another running recon process");
    }
    ProcessHandle process = postmaster.get();
    LOG.warn(
        "Stopping PostgreSQL (pid {}) left running on {} by an earlier run",
        process.pid(),
        dataDir);
    process.destroy();
    try {
      process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException(
          "PostgreSQL (pid " + process.pid() + ") on " + dataDir + " did not stop; stop it by hand",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping an orphaned PostgreSQL", e);
    }
  }

  /** The postmaster named in the folder's pid file, if it still runs on this folder. */
  private static Optional<ProcessHandle> runningPostmaster(Path dataDir) throws IOException {
    Path pidFile = dataDir.resolve(PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
      return Optional.empty();
    }
    // A pid can be reused: only a postgres process started on this very folder counts.
    String folder = dataDir.toString();
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                    && p.info().commandLine().map(c -> c.contains(folder)).orElse(false));
  }

  private static boolean ownedByLiveProcess(Path dataDir) throws IOException {
    Path lockFile = dataDir.resolve(OWNER_LOCK);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true);
        FileChannel channel = out.getChannel()) {
      try (FileLock lock = channel.tryLock()) {
        return lock == null;
      } catch (OverlappingFileLockException e) {
        return true;
      }
    }
  }
}
