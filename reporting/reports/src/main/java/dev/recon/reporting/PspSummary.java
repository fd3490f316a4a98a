package dev.recon.reporting;

import dev.recon.schemas.RecordKind;
import java.util.SortedMap;

/**
 * What was matched and broken for one PSP.
 *
 * <p>An exception carries no PSP of its own; it is attributed to a PSP when its record also took
 * part in a match that names the PSP, and is otherwise left out of the per-PSP figures (it still
 * counts in the per-reason and per-currency ones).
 *
 * @param recordsMatched distinct records of this PSP that took part in a match
 * @param matchedAmountMinor sum of those records' amounts per record kind and currency
 * @param breaks exceptions attributed to this PSP
 * @param atRiskMinor absolute amounts of those exceptions per currency
 */
public record PspSummary(
    String psp,
    long recordsMatched,
    SortedMap<RecordKind, SortedMap<String, Long>> matchedAmountMinor,
    long breaks,
    SortedMap<String, Long> atRiskMinor) {}
