package dev.recon.ingestion.api;

import java.util.List;

/** A poller configuration that cannot run; the message lists every problem, not only the first. */
public final class InvalidApiConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidApiConfigException(String connector, List<String> problems) {
    super(
        connector
            + " has "
            + problems.size()
            + " configuration problem(s):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /** Throws when there is any problem. */
  public static void requireNone(String connector, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidApiConfigException(connector, problems);
    }
  }
}
