package dev.recon.normalization.job;

import dev.recon.normalization.Fixtures;
import dev.recon.schemas.RawRecord;
import java.nio.ByteBuffer;

/** Raw records wrapping fixture files, as a connector would publish them. */
final class RawRecords {
  private RawRecords() {}

  static RawRecord of(String fixture, String formatHint) {
    String name = fixture.substring(fixture.lastIndexOf('/') + 1);
    return RawRecord.newBuilder()
        .setRawId("raw-" + name)
        .setProvenance(Fixtures.provenance(name))
        .setFormatHint(formatHint)
        .setPsp(null)
        .setPayload(ByteBuffer.wrap(Fixtures.bytes(fixture)))
        .build();
  }
}
