package dev.recon.normalization.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns file bytes into text the way PSP and bank exports need: a byte-order mark decides (UTF-8,
 * UTF-16); otherwise strict UTF-8, and Windows-1252 when the bytes are not valid UTF-8 (spreadsheet
 * exports saved as "ANSI", which also covers ISO-8859-1 text).
 */
public final class TextDecoding {

  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final char REPLACEMENT_CHARACTER = '\uFFFD';

  private TextDecoding() {}

  public static DecodedText decode(byte[] bytes) {
    return decode(bytes, bytes.length);
  }

  /**
   * Decodes the first {@code length} bytes. A cut through a multi-byte character at the end of a
   * head makes it invalid UTF-8, so heads of UTF-8 files may come back as Windows-1252: good enough
   * to detect a format, not to parse it.
   */
  public static DecodedText decode(byte[] bytes, int length) {
    int n = Math.min(length, bytes.length);
    if (startsWith(bytes, n, 0xEF, 0xBB, 0xBF)) {
      return decodeWith(bytes, 3, n - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, n, 0xFE, 0xFF)) {
      return decodeWith(bytes, 2, n - 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, n, 0xFF, 0xFE)) {
      return decodeWith(bytes, 2, n - 2, StandardCharsets.UTF_16LE);
    }
    // Lenient decoding is much faster than a strict CharsetDecoder (ASCII is copied, not decoded);
    // it replaces every malformed sequence with U+FFFD, so text without one is exactly what strict
    // decoding gives. Only text containing U+FFFD takes the strict path to tell the two apart.
    String lenient = new String(bytes, 0, n, StandardCharsets.UTF_8);
    if (lenient.indexOf(REPLACEMENT_CHARACTER) < 0) {
      return new DecodedText(lenient, StandardCharsets.UTF_8);
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, n))
              .toString();
      return new DecodedText(text, StandardCharsets.UTF_8);
    } catch (CharacterCodingException notUtf8) {
      return decodeWith(bytes, 0, n, WINDOWS_1252);
    }
  }

  private static DecodedText decodeWith(byte[] bytes, int offset, int length, Charset charset) {
    return new DecodedText(new String(bytes, offset, length, charset), charset);
  }

  private static boolean startsWith(byte[] bytes, int n, int... prefix) {
    if (n < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
