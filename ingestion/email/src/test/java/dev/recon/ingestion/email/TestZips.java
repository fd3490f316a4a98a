package dev.recon.ingestion.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives made in the test, hostile ones included. */
final class TestZips {

  private TestZips() {}

  static Map<String, byte[]> entries(Object... nameThenBytes) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenBytes.length; i += 2) {
      Object content = nameThenBytes[i + 1];
      m.put(
          (String) nameThenBytes[i],
          content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A real zip bomb: {@code mebibytes} of zeros, which deflate about a thousand times. */
  static byte[] bomb(String entryName, int mebibytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putNextEntry(new ZipEntry(entryName));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < mebibytes; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** CSV text of random amounts: compresses only a few times, like a real report. */
  static byte[] randomCsv(int approximateBytes, long seed) {
    Random random = new Random(seed);
    StringBuilder b = new StringBuilder("id,amount,currency\r\n");
    int line = 0;
    while (b.length() < approximateBytes) {
      b.append("tx")
          .append(line++)
          .append(',')
          .append(random.nextInt(1_000_000))
          .append(",EUR\r\n");
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Renames every occurrence of one entry name in the archive bytes (local header and central
   * directory); ZipOutputStream refuses to write duplicate names, so duplicates are made this way.
   */
  static byte[] renameEntry(byte[] zip, String from, String to) {
    byte[] f = from.getBytes(StandardCharsets.US_ASCII);
    byte[] t = to.getBytes(StandardCharsets.US_ASCII);
    if (f.length != t.length) {
      throw new IllegalArgumentException("names must have the same length");
    }
    byte[] copy = zip.clone();
    for (int i = 0; i + f.length <= copy.length; i++) {
      boolean match = true;
      for (int j = 0; j < f.length && match; j++) {
        match = copy[i + j] == f[j];
      }
      if (match) {
        System.arraycopy(t, 0, copy, i, t.length);
      }
    }
    return copy;
  }
}
