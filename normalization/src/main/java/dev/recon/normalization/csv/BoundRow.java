package dev.recon.normalization.csv;

import java.util.List;
import java.util.Optional;

/** A data row whose fields are reached by header name. */
public record BoundRow(int line, HeaderIndex header, List<String> fields) {

  public BoundRow {
    fields = FieldList.immutable(fields);
  }

  /** The stripped value, or "" when the column is absent from this file's header. */
  public String value(String column) {
    int i = header.position(column);
    if (i < 0 || i >= fields.size()) {
      return "";
    }
    return fields.get(i).strip();
  }

  /** The stripped value, or empty when the column is absent or blank. */
  public Optional<String> optional(String column) {
    String v = value(column);
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }
}
