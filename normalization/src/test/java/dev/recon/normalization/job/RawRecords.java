package dev.recon.normalization.job;

import dev.recon.normalization.Fixtures;
import dev.recon.schemas.RawRecord;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Raw records wrapping fixture files, as a connector would publish them. */
final class RawRecords {
  private RawRecords() {}

  static RawRecord of(String fixture, String formatHint) {
    String name = fixture.substring(fixture.lastIndexOf('/') + 1);
    byte[] payload = Fixtures.bytes(fixture);
    RawRecord raw =
        RawRecord.newBuilder()
            .setRawId("raw-" + name)
            .setProvenance(Fixtures.provenance(name))
            .setFormatHint(formatHint)
            .setPsp(null)
            .setPayload(ByteBuffer.wrap(payload))
            .build();
    raw.getProvenance().setContentSha256(sha256(payload));
    return raw;
  }

  /** The same record as a connector's second delivery would carry it: a fresh copy. */
  static RawRecord again(RawRecord raw) {
    return RawRecord.newBuilder(raw).build();
  }

  static String sha256(byte[] payload) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
