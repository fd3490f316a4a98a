/**
 * L2, tolerant matching, for what L1 could not pair exactly. Rules are data ({@link
 * dev.recon.matching.tolerant.ToleranceRule}, read from YAML by {@link
 * dev.recon.matching.tolerant.ToleranceRuleYaml}) per tenant and PSP, with priorities: amount
 * tolerance absolute and/or relative to a stated base, a time window with a direction, reference
 * normalisation, and 1:1, N:1 (partial captures) and 1:N (split payments) allocation. The first
 * rule that places a record wins, and every match records its rule and confidence. {@link
 * dev.recon.matching.tolerant.TolerantMatchRule} is the pure decision; the job's operator holds the
 * leftovers in keyed state and breaks what L2 cannot place with the reason L1 would have given.
 */
package dev.recon.matching.tolerant;
