package dev.recon.reporting.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Rows on their way from PostgreSQL to files: appended to a DuckDB table in an on-disk database of
 * the run's work folder (so a large export spills to disk, not to the heap), then written per date
 * and chunk with {@code COPY ... TO}.
 */
final class DuckDbStage implements AutoCloseable {

  /** DuckDB's own memory cap; beyond it, it spills to the work folder. */
  static final String MEMORY_LIMIT = "512MB";

  private static final String TABLE = "stage";

  private final Connection duck;
  private final List<ExportColumn> columns;
  private final DuckDBAppender appender;
  private long seq;

  DuckDbStage(Path workDir, List<ExportColumn> columns) throws SQLException {
    this.columns = List.copyOf(columns);
    this.duck = DriverManager.getConnection("jdbc:duckdb:" + workDir.resolve("stage.duckdb"));
    try (Statement s = duck.createStatement()) {
      s.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
      s.execute("SET temp_directory = '" + sqlString(workDir.resolve("spill").toString()) + "'");
      s.execute("SET preserve_insertion_order = true");
      StringBuilder ddl =
          new StringBuilder(
              "CREATE TABLE " + TABLE + " (_date DATE NOT NULL, _seq BIGINT NOT NULL");
      for (ExportColumn c : columns) {
        ddl.append(", ").append(c.name()).append(' ').append(c.type().duckDbType());
      }
      s.execute(ddl.append(')').toString());
    }
    this.appender = duck.unwrap(DuckDBConnection.class).createAppender("main", TABLE);
  }

  /** Appends one row whose column values are in {@code rs} from column {@code first} on. */
  void append(LocalDate date, ResultSet rs, int first) throws SQLException {
    appender.beginRow();
    appender.append(date);
    appender.append(seq++);
    for (int i = 0; i < columns.size(); i++) {
      int col = first + i;
      switch (columns.get(i).type()) {
        case TEXT -> {
          String v = rs.getString(col);
          if (v == null) {
            appender.appendNull();
          } else {
            appender.append(v);
          }
        }
        case BIGINT -> {
          long v = rs.getLong(col);
          if (rs.wasNull()) {
            appender.appendNull();
          } else {
            appender.append(v);
          }
        }
        case INTEGER -> {
          int v = rs.getInt(col);
          if (rs.wasNull()) {
            appender.appendNull();
          } else {
            appender.append(v);
          }
        }
        case BOOLEAN -> {
          boolean v = rs.getBoolean(col);
          if (rs.wasNull()) {
            appender.appendNull();
          } else {
            appender.append(v);
          }
        }
        case DATE -> {
          LocalDate v = rs.getObject(col, LocalDate.class);
          if (v == null) {
            appender.appendNull();
          } else {
            appender.append(v);
          }
        }
        case TIMESTAMPTZ -> {
          OffsetDateTime v = rs.getObject(col, OffsetDateTime.class);
          if (v == null) {
            appender.appendNull();
          } else {
            appender.appendEpochMicros(
                ChronoUnit.MICROS.between(java.time.Instant.EPOCH, v.toInstant()));
          }
        }
      }
    }
    appender.endRow();
  }

  long rows() {
    return seq;
  }

  /**
   * Writes the staged rows, per date in chunks of {@code rowsPerFile}, in every format.
   *
   * @param keyOf the target key of a file, given its date, chunk number and format
   */
  List<StagedFile> write(Path outDir, Set<ExportFormat> formats, int rowsPerFile, FileKeys keyOf)
      throws SQLException, IOException {
    appender.flush();
    appender.close();
    TreeMap<LocalDate, Long> perDate = new TreeMap<>();
    try (Statement s = duck.createStatement()) {
      s.execute(
          "CREATE TABLE numbered AS SELECT *, row_number() OVER (PARTITION BY _date ORDER BY _seq)"
              + " - 1 AS _rn FROM "
              + TABLE);
      try (ResultSet rs = s.executeQuery("SELECT _date, count(*) FROM numbered GROUP BY _date")) {
        while (rs.next()) {
          perDate.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
        }
      }
    }
    String select = String.join(", ", columns.stream().map(ExportColumn::name).toList());
    List<StagedFile> files = new ArrayList<>();
    for (var day : perDate.entrySet()) {
      LocalDate date = day.getKey();
      long chunks = (day.getValue() + rowsPerFile - 1) / rowsPerFile;
      for (int chunk = 0; chunk < chunks; chunk++) {
        long from = (long) chunk * rowsPerFile;
        long rows = Math.min(rowsPerFile, day.getValue() - from);
        for (ExportFormat format : formats) {
          String key = keyOf.key(date, chunk, format);
          Path file = outDir.resolve(key);
          Files.createDirectories(file.getParent());
          String copy =
              String.format(
                  Locale.ROOT,
                  "COPY (SELECT %s FROM numbered WHERE _date = DATE '%s' AND _rn >= %d AND _rn < %d"
                      + " ORDER BY _rn) TO '%s' %s",
                  select,
                  date,
                  from,
                  from + rows,
                  sqlString(file.toString()),
                  format.copyOptions());
          try (Statement s = duck.createStatement()) {
            s.execute(copy);
          }
          files.add(new StagedFile(key, file, format, date, rows));
        }
      }
    }
    return files;
  }

  /** Names a part file. */
  @FunctionalInterface
  interface FileKeys {
    String key(LocalDate date, int chunk, ExportFormat format);
  }

  static String sqlString(String s) {
    return s.replace("'", "''");
  }

  @Override
  public void close() throws SQLException {
    try {
      if (!appender.isClosed()) {
        appender.close();
      }
    } finally {
      duck.close();
    }
  }
}
