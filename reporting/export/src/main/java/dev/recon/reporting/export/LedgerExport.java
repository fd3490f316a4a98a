package dev.recon.reporting.export;

import dev.recon.reporting.export.destination.ExportTarget;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Ledger exports for analysts: journal entries and postings of one tenant as Parquet and/or CSV,
 * incrementally (see {@link DatasetExporter}).
 */
public final class LedgerExport {

  /** The ledger datasets, by name. */
  public enum Dataset {
    JOURNAL_ENTRIES,
    POSTINGS;

    public ExportDataset spec() {
      return switch (this) {
        case JOURNAL_ENTRIES -> LedgerDatasets.JOURNAL_ENTRIES;
        case POSTINGS -> LedgerDatasets.POSTINGS;
      };
    }
  }

  private final DatasetExporter exporter;

  public LedgerExport(DataSource app, Clock clock) {
    this(app, clock, ExportLimits.DEFAULT);
  }

  public LedgerExport(DataSource app, Clock clock, ExportLimits limits) {
    this.exporter = new DatasetExporter(app, clock, limits);
  }

  public ExportRun run(
      String tenant, Set<Dataset> datasets, Set<ExportFormat> formats, ExportTarget target)
      throws IOException, SQLException {
    List<ExportDataset> specs = datasets.stream().sorted().map(Dataset::spec).toList();
    return exporter.run(tenant, specs, formats, target);
  }
}
