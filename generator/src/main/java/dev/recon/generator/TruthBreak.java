package dev.recon.generator;

import dev.recon.schemas.MatchLevel;
import java.util.Objects;

/** A break the pipeline must raise: on which record, for which reason, from which noise. */
public record TruthBreak(
    BreakCode reason,
    MatchLevel level,
    RecordRef record,
    long amountMinor,
    String currency,
    String psp,
    Noise noise) {

  public TruthBreak {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(psp, "psp");
    Objects.requireNonNull(noise, "noise");
  }
}
