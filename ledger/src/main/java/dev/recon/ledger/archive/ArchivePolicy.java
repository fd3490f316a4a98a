package dev.recon.ledger.archive;

import java.time.Clock;
import java.util.Objects;

/**
 * When a month may be archived and what happens to its partitions.
 *
 * @param minAgeMonths a month is archived only once at least this many whole months have passed
 *     since it ended (at least 1); with 3, in mid-June February is the newest archivable month
 * @param keepDetached keep the detached partitions (renamed {@code archived_<name>}) instead of
 *     dropping them
 * @param clock the current month's source
 */
public record ArchivePolicy(int minAgeMonths, boolean keepDetached, Clock clock) {

  public static final int MIN_AGE_MONTHS = 1;
  public static final int DEFAULT_MIN_AGE_MONTHS = 3;

  public ArchivePolicy {
    Objects.requireNonNull(clock, "clock");
    if (minAgeMonths < MIN_AGE_MONTHS) {
      throw new IllegalArgumentException("minAgeMonths must be at least " + MIN_AGE_MONTHS);
    }
  }

  /** {@value #DEFAULT_MIN_AGE_MONTHS} months, partitions dropped, system clock in UTC. */
  public static ArchivePolicy standard() {
    return new ArchivePolicy(DEFAULT_MIN_AGE_MONTHS, false, Clock.systemUTC());
  }
}
