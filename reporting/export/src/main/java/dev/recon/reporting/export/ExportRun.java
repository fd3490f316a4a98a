package dev.recon.reporting.export;

import java.util.List;

/**
 * What one export run did for one tenant.
 *
 * @param written the manifests stored, one per dataset that had new rows
 * @param unchanged the datasets with nothing new since their last run (nothing was written)
 */
public record ExportRun(String tenant, List<ExportManifest> written, List<String> unchanged) {

  public ExportRun {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
  }
}
