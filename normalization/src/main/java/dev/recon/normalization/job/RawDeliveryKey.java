package dev.recon.normalization.job;

import dev.recon.schemas.Provenance;
import dev.recon.schemas.RawRecord;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * Identifies a raw file as the connectors do for its raw_id: tenant, source and the SHA-256 of the
 * content. Built from the provenance fields rather than the raw_id string, so two deliveries of one
 * file meet on one key whichever connector build derived the id.
 */
final class RawDeliveryKey implements KeySelector<RawRecord, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String getKey(RawRecord raw) {
    return of(raw.getProvenance());
  }

  /** Length-prefixed parts, so no tenant or source text can make two identities collide. */
  static String of(Provenance provenance) {
    String tenant = provenance.getTenantId();
    String source = provenance.getSource();
    return tenant.length()
        + ":"
        + tenant
        + source.length()
        + ":"
        + source
        + provenance.getContentSha256();
  }
}
