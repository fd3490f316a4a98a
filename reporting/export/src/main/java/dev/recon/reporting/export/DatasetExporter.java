package dev.recon.reporting.export;

import dev.recon.reporting.export.destination.ExportTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Exports datasets of one tenant incrementally: each run starts at the watermark of the dataset's
 * latest manifest in the target, streams the newer rows (keyset order) into DuckDB, writes them as
 * part files per date, stores the files and then the manifest. A run with nothing new stores
 * nothing. Runs of one tenant and dataset must not overlap (the caller schedules them).
 */
public final class DatasetExporter {

  /** A manifest is small; a larger object under the manifest folder is not one of ours. */
  public static final long MAX_MANIFEST_BYTES = 16L * 1024 * 1024;

  private final DataSource app;
  private final Clock clock;
  private final ExportLimits limits;

  /**
   * @param app connects as a login of the application role
   */
  public DatasetExporter(DataSource app, Clock clock, ExportLimits limits) {
    this.app = Objects.requireNonNull(app, "app");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * @throws IOException if the target cannot be read or written; files already stored by a failed
   *     run are overwritten by the next one (same run number) and no manifest names them
   * @throws SQLException on database errors
   * @throws IllegalStateException if a dataset's files would exceed the run's size limit
   */
  public ExportRun run(
      String tenant, List<ExportDataset> datasets, Set<ExportFormat> formats, ExportTarget target)
      throws IOException, SQLException {
    TenantReads.requireTenant(tenant);
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("at least one format");
    }
    Set<ExportFormat> ordered = EnumSet.copyOf(formats);
    List<ExportManifest> written = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    try (TenantReads reads = TenantReads.open(app, tenant)) {
      for (ExportDataset dataset : datasets) {
        Optional<ExportManifest> manifest = runOne(reads, dataset, ordered, target);
        if (manifest.isPresent()) {
          written.add(manifest.get());
        } else {
          unchanged.add(dataset.name());
        }
      }
    }
    return new ExportRun(tenant, written, unchanged);
  }

  /** The dataset's latest manifest for the tenant in the target, if any run stored one. */
  public static Optional<ExportManifest> latest(ExportTarget target, String dataset, String tenant)
      throws IOException {
    List<String> keys = target.list(ExportLayout.manifestFolder(dataset, tenant));
    for (int i = keys.size() - 1; i >= 0; i--) {
      if (keys.get(i).endsWith(".json")) {
        Optional<byte[]> bytes = target.read(keys.get(i), MAX_MANIFEST_BYTES);
        if (bytes.isPresent()) {
          return Optional.of(ManifestJson.read(bytes.get()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<ExportManifest> runOne(
      TenantReads reads, ExportDataset dataset, Set<ExportFormat> formats, ExportTarget target)
      throws IOException, SQLException {
    String tenant = reads.tenant();
    if (!reads.tryLock(tenant + "/" + dataset.name())) {
      throw new IllegalStateException(
          "another export of " + dataset.name() + " for tenant " + tenant + " is running");
    }
    Optional<ExportManifest> previous = latest(target, dataset.name(), tenant);
    previous.ifPresent(
        p -> {
          if (!p.tenant().equals(tenant) || !p.dataset().equals(dataset.name())) {
            throw new IllegalStateException("manifest of another tenant or dataset in its folder");
          }
        });
    Watermark after = previous.map(ExportManifest::watermark).orElse(Watermark.ORIGIN);
    long run = previous.map(ExportManifest::run).orElse(0L) + 1;
    removeUnlisted(target, dataset.name(), tenant, run);
    Path work = Files.createTempDirectory("recon-export-");
    try (DuckDbStage stage = new DuckDbStage(work, dataset.columns())) {
      Watermark last = after;
      boolean complete = true;
      try (PreparedStatement query = reads.prepare(dataset.query())) {
        query.setObject(1, OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC));
        query.setString(2, after.id());
        query.setLong(3, limits.settleMargin().toNanos() / 1_000);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            Watermark position =
                new Watermark(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2));
            if (position.compareTo(last) < 0 || position.compareTo(after) <= 0) {
              throw new IllegalStateException(
                  "dataset " + dataset.name() + " returned rows out of keyset order");
            }
            if (stage.rows() >= limits.maxRowsPerRun() && !position.equals(last)) {
              complete = false;
              break;
            }
            last = position;
            stage.append(rs.getObject(3, LocalDate.class), rs, 4);
          }
        }
      }
      long rows = stage.rows();
      if (rows == 0) {
        return Optional.empty();
      }
      Path out = work.resolve("out");
      List<StagedFile> staged =
          stage.write(
              out,
              formats,
              limits.rowsPerFile(),
              (date, chunk, format) ->
                  ExportLayout.partFile(dataset.name(), tenant, date, run, chunk, format));
      long bytes = 0;
      List<ManifestFile> files = new ArrayList<>();
      for (StagedFile f : staged) {
        long size = Files.size(f.file());
        bytes += size;
        if (bytes > limits.maxBytesPerRun()) {
          throw new IllegalStateException(
              "export of "
                  + dataset.name()
                  + " exceeds "
                  + limits.maxBytesPerRun()
                  + " bytes; nothing was stored");
        }
        files.add(
            new ManifestFile(f.key(), f.format(), f.date(), f.rows(), size, Sha256.of(f.file())));
      }
      for (StagedFile f : staged) {
        target.put(f.key(), f.file());
      }
      ExportManifest manifest =
          new ExportManifest(
              dataset.name(), tenant, run, clock.instant(), after, last, rows, complete, files);
      // Last: a manifest only ever names files already stored whole.
      target.put(ExportLayout.manifest(dataset.name(), tenant, run), ManifestJson.write(manifest));
      return Optional.of(manifest);
    } finally {
      deleteTree(work);
    }
  }

  /**
   * Deletes part files of runs from {@code run} on: left by a run that failed before its manifest
   * was stored, they would show to readers that glob the partitions as rows counted twice.
   */
  private static void removeUnlisted(ExportTarget target, String dataset, String tenant, long run)
      throws IOException {
    String firstUnlisted = ExportLayout.partFilePrefix(run);
    for (String key : target.list(dataset + "/tenant=" + tenant + "/")) {
      String name = key.substring(key.lastIndexOf('/') + 1);
      if (name.startsWith("part-") && name.compareTo(firstUnlisted) >= 0) {
        target.delete(key);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
