package dev.recon.reporting;

import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.RecordKind;
import java.util.SortedMap;

/**
 * What one matching level achieved.
 *
 * @param matches matches made at this level
 * @param rate records matched at this level (and not in a break at this level) out of the records
 *     matched or broken at this level
 * @param breaks exceptions raised at this level
 * @param matchedAmountMinor sum of the distinct matched records' amounts, per record kind and
 *     currency (kinds kept apart: an expected payment and its PSP transaction are the same money)
 */
public record LevelSummary(
    MatchLevel level,
    long matches,
    MatchRate rate,
    long breaks,
    SortedMap<RecordKind, SortedMap<String, Long>> matchedAmountMinor) {}
