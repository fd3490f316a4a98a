package dev.recon.normalization.format;

import java.util.Objects;

/**
 * Something about a parsed file that is wrong or unverifiable although its records are usable
 * (totals that do not foot, duplicate ids). Records still flow; the finding is counted and shown.
 * Messages carry amounts, currencies, line numbers and batch numbers only: no names, no references
 * that could identify a person.
 *
 * @param line where the finding is anchored; 0 for the file or a statement as a whole
 * @param code stable machine-readable kind, e.g. {@code CAMT_BALANCE_MISMATCH}
 */
public record DataQualityFinding(String fileName, int line, String code, String message) {

  public DataQualityFinding {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public String describe() {
    return fileName + ':' + line + ": " + code + ": " + message;
  }
}
