package dev.recon.ingestion.api.mobilemoney;

import dev.recon.ingestion.api.PollSummary;
import java.util.List;
import java.util.Objects;

/** The outcome of one status check: overall, and reference by reference in the order given. */
public record StatusCheckSummary(PollSummary poll, List<ReferenceStatus> references) {

  public StatusCheckSummary {
    Objects.requireNonNull(poll, "poll");
    references = List.copyOf(references);
  }
}
