package dev.recon.reporting.export.evidence;

import dev.recon.reporting.export.Sha256;
import dev.recon.reporting.export.TenantReads;
import dev.recon.reporting.export.destination.ExportTarget;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Builds evidence packs: collects from each source in one tenant transaction (one snapshot), zips
 * with a manifest, encrypts with the caller's key and stores the pack in the target under {@code
 * evidence/tenant=<t>/<subject kind>/<UTC time>-<subject digest>.evp}.
 */
public final class EvidencePacks {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DataSource app;
  private final List<EvidenceSource> sources;
  private final Clock clock;

  /**
   * @param app connects as a login of the application role
   * @param sources in the order they run (casework before ledger: the ledger needs the ids)
   */
  public EvidencePacks(DataSource app, List<EvidenceSource> sources, Clock clock) {
    this.app = Objects.requireNonNull(app, "app");
    this.sources = List.copyOf(sources);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Casework (records, matches, exceptions, documents, audit) then the ledger. */
  public static EvidencePacks standard(DataSource app, Clock clock) {
    return new EvidencePacks(app, List.of(new CaseworkEvidence(), new LedgerEvidence()), clock);
  }

  /**
   * @throws IllegalStateException if the pack would exceed its limits
   */
  public StoredPack build(
      String tenant, EvidenceSubject subject, EvidenceKey key, ExportTarget target)
      throws SQLException, IOException {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(key, "key");
    List<EvidenceItem> items = new ArrayList<>();
    Set<String> ledgerIds = new LinkedHashSet<>();
    try (TenantReads reads = TenantReads.open(app, tenant)) {
      for (EvidenceSource source : sources) {
        EvidenceFindings found = source.collect(reads, subject, Set.copyOf(ledgerIds));
        items.addAll(found.items());
        ledgerIds.addAll(found.ledgerSourceIds());
      }
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    EvidenceManifest manifest = EvidenceArchive.manifest(tenant, subject, now, items);
    byte[] pack = PackCipher.encrypt(EvidenceArchive.zip(manifest, items), key);
    String name =
        "evidence/tenant="
            + tenant
            + "/"
            + subject.kind()
            + "/"
            + STAMP.format(now)
            + "-"
            + Sha256.of(JsonRows.utf8(subject.value())).substring(0, 16)
            + ".evp";
    target.put(name, pack);
    return new StoredPack(name, pack.length, Sha256.of(pack), manifest);
  }
}
