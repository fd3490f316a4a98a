/**
 * Capture links: refunds, chargebacks and chargeback reversals tied to the capture they follow, by
 * the original's PSP reference ({@link
 * dev.recon.matching.model.PspTransaction#originalReferenceOf}). {@link
 * dev.recon.matching.link.OriginalLinkRule} is the pure decision: links as an "original-capture"
 * match (which books nothing; the rows are booked with their batch at L3), and MISSING_ORIGINAL,
 * EXCEEDS_ORIGINAL or CURRENCY_MISMATCH breaks for what cannot be linked.
 */
package dev.recon.matching.link;
