package dev.recon.ledger.posting;

import java.util.Objects;

/**
 * One problem in a posting table file, at the path of the bad key, e.g. {@code
 * rules[12].legs[0].debit}.
 */
public record PostingTableError(String path, String message) {

  public PostingTableError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
