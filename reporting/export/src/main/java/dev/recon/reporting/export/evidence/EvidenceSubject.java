package dev.recon.reporting.export.evidence;

import java.time.LocalDate;
import java.util.Objects;

/** What an evidence pack is about. */
public sealed interface EvidenceSubject {

  /** Longest identifier a subject takes (the casework keys are at most 300 characters). */
  int MAX_ID_LENGTH = 300;

  /** Longest period a pack covers; a longer one is a data export, not evidence. */
  int MAX_PERIOD_DAYS = 92;

  /** A short kind label, used in the pack's name and manifest. */
  String kind();

  /** The identifier or range, as written in the manifest. */
  String value();

  /** An exception (break) of the queue, e.g. for a dispute. */
  record ExceptionCase(String exceptionId) implements EvidenceSubject {
    public ExceptionCase {
      requireId(exceptionId);
    }

    @Override
    public String kind() {
      return "exception";
    }

    @Override
    public String value() {
      return exceptionId;
    }
  }

  /** A PSP transaction by the PSP's reference, e.g. for a chargeback. */
  record PspReference(String reference) implements EvidenceSubject {
    public PspReference {
      requireId(reference);
    }

    @Override
    public String kind() {
      return "psp-reference";
    }

    @Override
    public String value() {
      return reference;
    }
  }

  /** A payout (settlement batch) by the PSP's payout id. */
  record Payout(String payoutId) implements EvidenceSubject {
    public Payout {
      requireId(payoutId);
    }

    @Override
    public String kind() {
      return "payout";
    }

    @Override
    public String value() {
      return payoutId;
    }
  }

  /** Everything of a period, both days included (UTC dates), e.g. for an auditor's sample. */
  record Period(LocalDate from, LocalDate to) implements EvidenceSubject {
    public Period {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from) || from.plusDays(MAX_PERIOD_DAYS).isBefore(to)) {
        throw new IllegalArgumentException(
            "a period runs forward and spans at most " + MAX_PERIOD_DAYS + " days");
      }
    }

    @Override
    public String kind() {
      return "period";
    }

    @Override
    public String value() {
      return from + ".." + to;
    }
  }

  private static void requireId(String id) {
    if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("an id has 1-" + MAX_ID_LENGTH + " characters");
    }
  }
}
