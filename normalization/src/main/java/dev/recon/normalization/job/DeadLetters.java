package dev.recon.normalization.job;

import dev.recon.normalization.format.DataQualityFinding;
import dev.recon.normalization.format.ParseError;
import dev.recon.schemas.DeadLetter;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.RawRecord;

/**
 * Parse errors and data-quality findings as dead letters. Ids derive from the raw record and the
 * position of the problem in its parse result, so a replayed raw record yields the same ids and
 * downstream stores can drop the repeats.
 */
public final class DeadLetters {

  /** Reason prefix that marks a finding (records still flowed) apart from a rejected input. */
  public static final String DATA_QUALITY_PREFIX = "DATA_QUALITY:";

  private DeadLetters() {}

  public static DeadLetter ofError(RawRecord raw, String format, ParseError error, int index) {
    return DeadLetter.newBuilder()
        .setDeadLetterId(raw.getRawId() + "/error/" + index)
        .setProvenance(at(raw, error.line()))
        .setFormat(format)
        .setField(error.field())
        .setReason(error.reason())
        .setExcerpt(error.excerpt())
        .build();
  }

  public static DeadLetter ofFinding(
      RawRecord raw, String format, DataQualityFinding finding, int index) {
    return DeadLetter.newBuilder()
        .setDeadLetterId(raw.getRawId() + "/finding/" + index)
        .setProvenance(at(raw, finding.line()))
        .setFormat(format)
        .setField(null)
        .setReason(DATA_QUALITY_PREFIX + finding.code() + ": " + finding.message())
        .setExcerpt(null)
        .build();
  }

  private static Provenance at(RawRecord raw, int line) {
    return Provenance.newBuilder(raw.getProvenance()).setLine(line).build();
  }
}
