package dev.recon.reporting.casework.queue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text of one physical line of an original document, as provenance numbers lines: 1-based,
 * split on LF or CRLF (the CR is not part of the line). Pure. XML documents number entries, not
 * lines ({@code Provenance.line} is then the entry ordinal), so no line text is given for them.
 */
public final class SourceLines {

  /** Longest line text returned; the rest is cut and marked. */
  public static final int MAX_LINE_CHARS = 4_096;

  static final String CUT_MARK = " [...]";

  private SourceLines() {}

  /** Whether the document is XML, whose provenance lines are entry ordinals. */
  public static boolean isXml(byte[] content) {
    int i = 0;
    if (content.length >= 3
        && content[0] == (byte) 0xEF
        && content[1] == (byte) 0xBB
        && content[2] == (byte) 0xBF) {
      i = 3;
    }
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return i < content.length && content[i] == '<';
  }

  /** The line's text, or empty when the document has no such line or numbers entries. */
  public static Optional<String> line(byte[] content, int lineNumber) {
    if (lineNumber < 1 || isXml(content)) {
      return Optional.empty();
    }
    int line = 1;
    int start = 0;
    while (line < lineNumber) {
      int lf = indexOf(content, (byte) '\n', start);
      if (lf < 0) {
        return Optional.empty();
      }
      start = lf + 1;
      line++;
    }
    if (start >= content.length && lineNumber > 1) {
      // after the final newline there is no further line
      return Optional.empty();
    }
    int end = indexOf(content, (byte) '\n', start);
    if (end < 0) {
      end = content.length;
    }
    if (end > start && content[end - 1] == '\r') {
      end--;
    }
    return Optional.of(bounded(decode(content, start, end - start)));
  }

  private static int indexOf(byte[] content, byte b, int from) {
    for (int i = from; i < content.length; i++) {
      if (content[i] == b) {
        return i;
      }
    }
    return -1;
  }

  /** UTF-8, else ISO-8859-1 (many bank files are Latin-1): never fails, never guesses further. */
  private static String decode(byte[] content, int offset, int length) {
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return utf8.decode(ByteBuffer.wrap(content, offset, length)).toString();
    } catch (CharacterCodingException e) {
      return new String(content, offset, length, StandardCharsets.ISO_8859_1);
    }
  }

  private static String bounded(String text) {
    return text.length() <= MAX_LINE_CHARS ? text : text.substring(0, MAX_LINE_CHARS) + CUT_MARK;
  }
}
