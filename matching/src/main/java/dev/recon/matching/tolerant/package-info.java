/**
 * L2, tolerant matching: not built yet. Its place in the pipeline is between L1's expiry and the
 * breaks L1 raises: the leftovers of {@code ExactMatchRule.onExpiry} (amount or currency
 * mismatches, missing on one side) will be offered to per-tenant, per-PSP rules held as data
 * (amount tolerance absolute and/or relative with its base and rounding mode, date lag with
 * business-day calendars, reference normalisation, 1:N and N:1 allocation), first rule wins, each
 * match recording its rule and confidence. Only what L2 cannot place becomes an L1 break.
 */
package dev.recon.matching.tolerant;
