package dev.recon.normalization.format;

import dev.recon.schemas.Provenance;

/**
 * The file's provenance pointed at one line, for every record a parser emits. Built with the
 * all-args constructor: the Avro builder's per-field validation and deep copy cost more than the
 * rest of a short row's mapping, and the file's provenance was already validated when it was built.
 */
public final class LineProvenance {

  private LineProvenance() {}

  public static Provenance of(Provenance file, int line) {
    if (file.getTenantId() == null
        || file.getSource() == null
        || file.getContentSha256() == null
        || file.getReceivedAt() == null) {
      // Not a valid provenance: let the builder report it exactly as before.
      return Provenance.newBuilder(file).setLine(line).build();
    }
    return new Provenance(
        file.getTenantId(),
        file.getSource(),
        file.getFileName(),
        file.getContentSha256(),
        line,
        file.getReceivedAt(),
        file.getCorrelationId());
  }
}
