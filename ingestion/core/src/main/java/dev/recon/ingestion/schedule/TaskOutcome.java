package dev.recon.ingestion.schedule;

import java.util.Objects;

/** How one run of a scheduled task ended, as recorded for operators. */
public record TaskOutcome(Status status, String detail) {

  public enum Status {
    SUCCEEDED,
    FAILED
  }

  public static final int MAX_DETAIL_CHARS = 4096;

  public TaskOutcome {
    Objects.requireNonNull(status, "status");
    detail = Objects.requireNonNullElse(detail, "");
    if (detail.length() > MAX_DETAIL_CHARS) {
      detail = detail.substring(0, MAX_DETAIL_CHARS - 1) + "…";
    }
  }

  public static TaskOutcome succeeded(String detail) {
    return new TaskOutcome(Status.SUCCEEDED, detail);
  }

  public static TaskOutcome failed(String detail) {
    return new TaskOutcome(Status.FAILED, detail);
  }
}
