package dev.recon.ingestion.api.mobilemoney;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one short text field at a JSON pointer; the rest of the body is never interpreted. */
final class StatusFields {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Status codes are short words; anything else is not reported (it is still published). */
  private static final Pattern STATUS = Pattern.compile("[A-Za-z0-9_ -]{1,64}");

  private StatusFields() {}

  static Optional<String> text(byte[] body, String pointer) {
    try {
      JsonNode node = MAPPER.readTree(body).at(pointer);
      if (node.isTextual() && STATUS.matcher(node.asText()).matches()) {
        return Optional.of(node.asText());
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
