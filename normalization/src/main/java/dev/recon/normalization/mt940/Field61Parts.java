package dev.recon.normalization.mt940;

import com.prowidesoftware.swift.model.field.Field61;

/**
 * The subfields of a :61: value as Prowide's {@link Field61} splits them. A value of the plain
 * shape nearly every bank writes (value date, optional entry date, C or D, amount, transaction
 * type, references without slashes or spaces, at most one line of supplementary details) is split
 * here, directly; anything else goes to Prowide. Prowide reads each field through a new
 * BufferedReader with an 8K buffer, which made it most of the cost of a statement. Field61PartsTest
 * holds the direct split to Prowide's results.
 */
record Field61Parts(
    String valueDate,
    String entryDate,
    String debitCreditMark,
    String amount,
    String transactionType,
    String identificationCode,
    String ownerReference,
    String servicingInstitutionReference,
    String supplementaryDetails) {

  /** SWIFT's lengths: amount 15d, references 16x, supplementary details 34x. */
  private static final int MAX_AMOUNT = 15;

  private static final int MAX_REFERENCE = 16;
  private static final int MAX_DETAILS = 34;

  static Field61Parts of(String value) {
    Field61Parts direct = plain(value);
    return direct != null ? direct : prowide(value);
  }

  static Field61Parts prowide(String value) {
    Field61 f = new Field61(value);
    return new Field61Parts(
        f.getValueDate(),
        f.getEntryDate(),
        f.getDebitCreditMark(),
        f.getAmount(),
        f.getTransactionType(),
        f.getIdentificationCode(),
        f.getReferenceForTheAccountOwner(),
        f.getReferenceOfTheAccountServicingInstitution(),
        f.getSupplementaryDetails());
  }

  /** The split of a plain value, or null when the value is not of the plain shape. */
  static Field61Parts plain(String value) {
    int lineEnd = lineEnd(value, 0);
    String details = null;
    if (lineEnd < value.length()) {
      int next =
          value.charAt(lineEnd) == '\r'
                  && lineEnd + 1 < value.length()
                  && value.charAt(lineEnd + 1) == '\n'
              ? lineEnd + 2
              : lineEnd + 1;
      if (lineEnd(value, next) != value.length()) {
        return null;
      }
      details = value.substring(next);
      if (details.isEmpty() || details.length() > MAX_DETAILS || !isPlainText(details)) {
        return null;
      }
    }
    int p = 0;
    if (!digits(value, p, 6, lineEnd)) {
      return null;
    }
    String valueDate = value.substring(0, 6);
    p = 6;
    String entryDate = null;
    if (digits(value, p, 4, lineEnd)) {
      entryDate = value.substring(6, 10);
      p = 10;
    }
    if (p >= lineEnd || (value.charAt(p) != 'C' && value.charAt(p) != 'D')) {
      return null;
    }
    String mark = value.substring(p, p + 1);
    p++;
    int amountStart = p;
    int commas = 0;
    while (p < lineEnd && (isDigit(value.charAt(p)) || value.charAt(p) == ',')) {
      commas += value.charAt(p) == ',' ? 1 : 0;
      p++;
    }
    int amountLength = p - amountStart;
    if (amountLength < 2
        || amountLength > MAX_AMOUNT
        || commas != 1
        || value.charAt(amountStart) == ',') {
      return null;
    }
    String amount = value.substring(amountStart, p);
    if (p + 4 > lineEnd) {
      return null;
    }
    char type = value.charAt(p);
    if (type != 'N' && type != 'F' && type != 'S') {
      return null;
    }
    for (int i = p + 1; i < p + 4; i++) {
      if (!isUpperOrDigit(value.charAt(i))) {
        return null;
      }
    }
    String transactionType = value.substring(p, p + 1);
    String code = value.substring(p + 1, p + 4);
    p += 4;
    int slashes = value.indexOf("//", p);
    int ownerEnd = slashes < 0 || slashes > lineEnd ? lineEnd : slashes;
    String owner = value.substring(p, ownerEnd);
    if (!isReference(owner)) {
      return null;
    }
    String bank = null;
    if (ownerEnd < lineEnd) {
      bank = value.substring(ownerEnd + 2, lineEnd);
      if (!isReference(bank)) {
        return null;
      }
    }
    return new Field61Parts(
        valueDate, entryDate, mark, amount, transactionType, code, owner, bank, details);
  }

  private static int lineEnd(String value, int from) {
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
    }
    return value.length();
  }

  private static boolean digits(String value, int from, int count, int end) {
    if (from + count > end) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isUpperOrDigit(char c) {
    return isDigit(c) || (c >= 'A' && c <= 'Z');
  }

  /** 1 to 16 characters, letters, digits, '-', '.' only. */
  private static boolean isReference(String text) {
    if (text.isEmpty() || text.length() > MAX_REFERENCE) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUpperOrDigit(c) && !(c >= 'a' && c <= 'z') && c != '-' && c != '.') {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII without leading or trailing spaces and without slashes. */
  private static boolean isPlainText(String text) {
    if (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~' || c == '/') {
        return false;
      }
    }
    return true;
  }
}
