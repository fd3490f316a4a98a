package dev.recon.ledger.backup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a backup folder holds, written last as {@value #FILE_NAME} (a folder without it is an
 * unfinished backup).
 *
 * @param format {@value #FORMAT}
 * @param snapshotAt ISO-8601 instant of the snapshot every file and figure was read in
 * @param postgresVersion the source server's {@code server_version}
 * @param copyFormat how the table files are written: {@value #COPY_FORMAT}
 * @param schemaVersions per schema, its Flyway version at backup time
 * @param tables in restore order is not implied: the restore orders them itself
 * @param sequences every sequence of the backed-up schemas
 * @param ledger the ledger's check figures, taken in the same snapshot
 */
public record BackupManifest(
    String format,
    String snapshotAt,
    String postgresVersion,
    int postgresVersionNum,
    String copyFormat,
    List<SchemaVersion> schemaVersions,
    List<BackupTable> tables,
    List<SequenceValue> sequences,
    LedgerFigures ledger) {

  public static final String FORMAT = "recon-ledger-backup/1";
  public static final String FILE_NAME = "manifest.json";

  /**
   * PostgreSQL's CSV COPY format, UTF-8, with a header row, gzip-compressed. Chosen over binary
   * COPY because it restores into any later major version and any architecture (binary COPY is only
   * promised between equal type representations), a human can read it with zcat, and the header
   * lets COPY ... HEADER MATCH refuse a file whose columns moved.
   */
  public static final String COPY_FORMAT = "csv+header+gzip";

  /** A manifest is metadata: larger than this is not one of ours. */
  public static final long MAX_MANIFEST_BYTES = 64L << 20;

  static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  static final Pattern FILE =
      Pattern.compile("[a-z_][a-z0-9_]{0,62}\\.[a-z_][a-z0-9_]{0,62}\\.csv\\.gz");
  static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public BackupManifest {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(snapshotAt, "snapshotAt");
    Objects.requireNonNull(ledger, "ledger");
    schemaVersions = List.copyOf(schemaVersions);
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("manifest not serialisable", e);
    }
  }

  /**
   * Reads and checks the manifest of a backup folder.
   *
   * @return the manifest, or why it is not a usable one (missing, too large, not parseable, unknown
   *     format, a name or file outside what a backup writes)
   */
  public static ReadResult read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      if (!Files.isRegularFile(file)) {
        return ReadResult.problem(file + " is missing");
      }
      if (Files.size(file) > MAX_MANIFEST_BYTES) {
        return ReadResult.problem(file + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
      }
      BackupManifest manifest;
      try (InputStream in = Files.newInputStream(file)) {
        manifest = JSON.readValue(in, BackupManifest.class);
      }
      return manifest
          .problem()
          .map(ReadResult::problem)
          .orElseGet(() -> new ReadResult(manifest, null));
    } catch (JacksonException e) {
      return ReadResult.problem(file + " is not a backup manifest: " + e.getOriginalMessage());
    } catch (IOException e) {
      return ReadResult.problem(file + " cannot be read: " + e.getMessage());
    }
  }

  /** The manifest read, or the reason it was not. */
  public record ReadResult(BackupManifest manifest, String problem) {
    static ReadResult problem(String problem) {
      return new ReadResult(null, problem);
    }
  }

  private Optional<String> problem() {
    if (!FORMAT.equals(format)) {
      return Optional.of("format " + format + " is not " + FORMAT);
    }
    if (!COPY_FORMAT.equals(copyFormat)) {
      return Optional.of("copy format " + copyFormat + " is not " + COPY_FORMAT);
    }
    for (BackupTable t : tables) {
      if (!NAME.matcher(t.schema()).matches() || !NAME.matcher(t.table()).matches()) {
        return Optional.of("table name " + t.qualifiedName() + " is not one a backup writes");
      }
      if (!FILE.matcher(t.file()).matches() || !t.file().equals(fileName(t.schema(), t.table()))) {
        return Optional.of("file name " + t.file() + " is not one a backup writes");
      }
      if (t.columns().isEmpty() || !t.columns().stream().allMatch(c -> NAME.matcher(c).matches())) {
        return Optional.of("columns of " + t.qualifiedName() + " are not plain column names");
      }
      if (t.rows() < 0 || t.bytes() < 0 || !SHA256.matcher(t.sha256()).matches()) {
        return Optional.of("counts or digest of " + t.qualifiedName() + " are malformed");
      }
    }
    for (SchemaVersion v : schemaVersions) {
      if (!NAME.matcher(v.schema()).matches() || !NAME.matcher(v.historyTable()).matches()) {
        return Optional.of("schema version entry " + v + " is malformed");
      }
    }
    for (SequenceValue s : sequences) {
      if (!NAME.matcher(s.schema()).matches() || !NAME.matcher(s.sequence()).matches()) {
        return Optional.of("sequence " + s + " is malformed");
      }
    }
    return Optional.empty();
  }

  static String fileName(String schema, String table) {
    return schema + "." + table + ".csv.gz";
  }

  /** The table file of {@code schema.table}, if the backup holds that table. */
  public Optional<BackupTable> table(String schema, String table) {
    return tables.stream()
        .filter(t -> t.schema().equals(schema) && t.table().equals(table))
        .findFirst();
  }
}
