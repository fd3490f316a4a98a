package dev.recon.ledger.backup;

import java.util.List;
import java.util.Objects;

/**
 * One table's file of a backup.
 *
 * @param file name of the gzip CSV file, relative to the manifest
 * @param columns the columns in file order (the CSV header); generated columns are left out
 * @param rows data rows, the header excluded
 * @param bytes size of the compressed file
 * @param sha256 lower-case hex SHA-256 of the compressed file
 */
public record BackupTable(
    String schema,
    String table,
    String file,
    List<String> columns,
    long rows,
    long bytes,
    String sha256) {

  public BackupTable {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(sha256, "sha256");
    columns = List.copyOf(columns);
  }

  public String qualifiedName() {
    return schema + "." + table;
  }
}
