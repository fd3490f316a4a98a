package dev.recon.reporting.export;

/**
 * The column types an export may carry. Money is always {@link #BIGINT} minor units next to a
 * {@link #TEXT} currency, never a floating or decimal type.
 */
public enum ColumnType {
  TEXT("VARCHAR"),
  BIGINT("BIGINT"),
  INTEGER("INTEGER"),
  BOOLEAN("BOOLEAN"),
  DATE("DATE"),
  /** An instant, written as a UTC-adjusted timestamp (Parquet isAdjustedToUTC=true). */
  TIMESTAMPTZ("TIMESTAMPTZ");

  private final String duckDbType;

  ColumnType(String duckDbType) {
    this.duckDbType = duckDbType;
  }

  String duckDbType() {
    return duckDbType;
  }
}
