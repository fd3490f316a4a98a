package dev.recon.ingestion.email;

import java.util.List;

/** A mailbox configuration with problems; the message lists all of them at once. */
public final class InvalidMailboxConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> errors;

  public InvalidMailboxConfigException(List<String> errors) {
    super(
        "invalid email connector configuration:\n  - "
            + String.join("\n  - ", List.copyOf(errors)));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}
