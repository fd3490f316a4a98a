package dev.recon.reporting;

import java.util.SortedMap;

/**
 * The exceptions.csv rows of one reason code, dead letters included.
 *
 * @param atRiskMinor absolute amounts per currency
 * @param ageing count per age band, every band present
 */
public record ReasonSummary(
    String reason,
    long count,
    SortedMap<String, Long> atRiskMinor,
    SortedMap<AgeingBucket, Long> ageing) {}
