package dev.recon.reporting.casework.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import java.util.TreeMap;

/** An event's detail as a JSON object with sorted keys, so equal details hash equally. */
public final class AuditDetail {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private AuditDetail() {}

  public static String json(Map<String, ?> detail) {
    try {
      String text = JSON.writeValueAsString(new TreeMap<>(detail));
      if (text.length() > AuditChain.MAX_DETAIL_CHARS) {
        throw new IllegalArgumentException(
            "audit detail longer than " + AuditChain.MAX_DETAIL_CHARS + " characters");
      }
      return text;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail is not serialisable as JSON", e);
    }
  }
}
