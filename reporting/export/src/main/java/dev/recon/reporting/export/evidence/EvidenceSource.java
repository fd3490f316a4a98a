package dev.recon.reporting.export.evidence;

import dev.recon.reporting.export.TenantReads;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * A store that holds evidence about a subject (the casework store, the ledger). Sources run in
 * order in one tenant transaction; each gets the ledger source ids the earlier ones found.
 */
public interface EvidenceSource {

  EvidenceFindings collect(TenantReads reads, EvidenceSubject subject, Set<String> ledgerSourceIds)
      throws SQLException, IOException;
}
