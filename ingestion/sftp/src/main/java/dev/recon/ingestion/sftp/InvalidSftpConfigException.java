package dev.recon.ingestion.sftp;

import java.util.List;

/** A source configuration that cannot run; the message lists every problem, not only the first. */
public final class InvalidSftpConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidSftpConfigException(String source, List<String> problems) {
    super(
        "SFTP source "
            + source
            + " has "
            + problems.size()
            + " configuration problem(s):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
