package dev.recon.reporting.export;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A table analysts get as files. Its query runs as the application role inside a transaction whose
 * tenant is set, so row-level security confines it to one tenant whatever the query says.
 *
 * <p>The query's contract: parameters (1) watermark time, (2) watermark id (keyset, exclusive), (3)
 * the settle margin in microseconds (rows written later than {@code now() - margin} are left for
 * the next run, so a transaction still open cannot commit a row behind the watermark); result
 * columns: keyset time (timestamptz), keyset id (text), partition date (date), then {@link
 * #columns} in order; ordered by keyset time, keyset id. Rows sharing a keyset position (postings
 * of one entry) are never split across runs.
 */
public record ExportDataset(String name, List<ExportColumn> columns, String query) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  public ExportDataset {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("dataset name must match " + NAME.pattern());
    }
    columns = List.copyOf(columns);
    Objects.requireNonNull(query, "query");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a dataset needs columns");
    }
  }
}
