package dev.recon.reporting.export.evidence;

import java.util.List;
import java.util.Set;

/**
 * What one source found about a subject.
 *
 * @param ledgerSourceIds ids the ledger books under (match, resolution or proposal ids) of what was
 *     found, for the ledger source to collect their journal entries
 */
public record EvidenceFindings(List<EvidenceItem> items, Set<String> ledgerSourceIds) {

  public EvidenceFindings {
    items = List.copyOf(items);
    ledgerSourceIds = Set.copyOf(ledgerSourceIds);
  }
}
