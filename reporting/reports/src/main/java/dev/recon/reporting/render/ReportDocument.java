package dev.recon.reporting.render;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rendered report file, in memory, ready to be stored or mailed.
 *
 * @param fileName a plain file name (no folders), e.g. "report.pdf"
 * @param mediaType e.g. "application/pdf"
 */
public record ReportDocument(String fileName, String mediaType, byte[] content) {

  public static final String HTML = "text/html; charset=utf-8";
  public static final String PDF = "application/pdf";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String CSV = "text/csv; charset=utf-8";

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  public ReportDocument {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
    if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
      throw new IllegalArgumentException(
          "file name must match " + FILE_NAME.pattern() + ": " + fileName);
    }
    content = content.clone();
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  public int size() {
    return content.length;
  }
}
