package dev.recon.reporting.export;

/** File formats of an export; the same rows in the same layout, told apart by extension. */
public enum ExportFormat {
  PARQUET("parquet", "(FORMAT parquet, COMPRESSION zstd)"),
  CSV("csv", "(FORMAT csv, HEADER true, DELIMITER ',')");

  private final String extension;
  private final String copyOptions;

  ExportFormat(String extension, String copyOptions) {
    this.extension = extension;
    this.copyOptions = copyOptions;
  }

  public String extension() {
    return extension;
  }

  String copyOptions() {
    return copyOptions;
  }
}
