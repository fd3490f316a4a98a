package dev.recon.normalization;

import dev.recon.schemas.Provenance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Test fixtures from src/test/resources/fixtures and provenance for them. */
public final class Fixtures {
  public static final String TENANT = "tenant-a";
  public static final Instant RECEIVED_AT = Instant.parse("2025-03-05T10:00:00Z");

  private Fixtures() {}

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Provenance provenance(String fileName) {
    return Provenance.newBuilder()
        .setTenantId(TENANT)
        .setSource("file:test")
        .setFileName(fileName)
        .setContentSha256("0".repeat(64))
        .setLine(0)
        .setReceivedAt(RECEIVED_AT)
        .build();
  }
}
