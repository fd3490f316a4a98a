package dev.recon.ingestion.api.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** The bytes of a response body exactly as received (what gets published), never copied out. */
public final class ResponseBody {
  private final byte[] bytes;

  ResponseBody(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A copy, so that what is published cannot be changed by whoever else reads the body. */
  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  /** For reading cursors, ids and status fields with a JSON parser; never for business content. */
  public InputStream stream() {
    return new ByteArrayInputStream(bytes);
  }

  @Override
  public String toString() {
    return "ResponseBody[" + bytes.length + " bytes]";
  }
}
