package dev.recon.ingestion.file;

import dev.recon.schemas.Provenance;
import dev.recon.schemas.RawRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Wraps the bytes of one received file with its provenance. Pure: the same bytes from the same
 * tenant and source always get the same raw id, so a file delivered twice is recognisable.
 */
public final class RawFile {

  private RawFile() {}

  /** The descriptive part of a received file: who sent it, through what, under which name. */
  public record Origin(
      String tenantId, String source, String psp, String fileName, String formatHint) {
    public Origin {
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(fileName, "fileName");
      if (tenantId.isBlank()) {
        throw new IllegalArgumentException("tenant id must not be blank");
      }
    }
  }

  public static RawRecord toRawRecord(
      Origin origin, byte[] payload, Instant receivedAt, String correlationId) {
    String sha256 = sha256Hex(payload);
    Provenance provenance =
        Provenance.newBuilder()
            .setTenantId(origin.tenantId())
            .setSource(origin.source())
            .setFileName(origin.fileName())
            .setContentSha256(sha256)
            .setLine(0)
            .setReceivedAt(receivedAt)
            .setCorrelationId(correlationId)
            .build();
    return RawRecord.newBuilder()
        .setRawId(rawId(origin.tenantId(), origin.source(), sha256))
        .setProvenance(provenance)
        .setFormatHint(origin.formatHint())
        .setPsp(origin.psp())
        .setPayload(java.nio.ByteBuffer.wrap(payload))
        .build();
  }

  /** Deterministic: tenant + source + content hash. */
  public static String rawId(String tenantId, String source, String contentSha256) {
    return "raw-"
        + sha256Hex(
                (tenantId + '\u0000' + source + '\u0000' + contentSha256)
                    .getBytes(StandardCharsets.UTF_8))
            .substring(0, 32);
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
