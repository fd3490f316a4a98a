package dev.recon.ledger.posting;

import java.util.List;

/** A posting table file read: the table when it is valid, else every error found in it. */
public record ParsedPostingTable(PostingTable table, List<PostingTableError> errors) {

  public ParsedPostingTable {
    errors = List.copyOf(errors);
    if ((table == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("either a table or errors");
    }
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
