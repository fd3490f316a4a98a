package dev.recon.ingestion.api.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads only {@code object}, {@code has_more} and the {@code id} of each item of a list. */
final class StripeListReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StripeListReader() {}

  static StripeListPage read(InputStream json, int maxItems) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (IOException e) {
      return new StripeListPage.Malformed("not JSON");
    }
    if (root == null || !root.isObject() || !"list".equals(root.path("object").asText(null))) {
      return new StripeListPage.Malformed("not a Stripe list object");
    }
    JsonNode hasMore = root.get("has_more");
    if (hasMore == null || !hasMore.isBoolean()) {
      return new StripeListPage.Malformed("has_more is missing or not a boolean");
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      return new StripeListPage.Malformed("data is missing or not an array");
    }
    if (data.size() > maxItems) {
      return new StripeListPage.Malformed(
          "page has " + data.size() + " objects, more than the " + maxItems + " asked for");
    }
    List<String> ids = new ArrayList<>(data.size());
    for (JsonNode item : data) {
      JsonNode id = item.get("id");
      if (id == null
          || !id.isTextual()
          || !StripeListPage.OBJECT_ID.matcher(id.asText()).matches()) {
        return new StripeListPage.Malformed("object " + ids.size() + " has no usable id");
      }
      ids.add(id.asText());
    }
    if (hasMore.booleanValue() && ids.isEmpty()) {
      return new StripeListPage.Malformed(
          "has_more is true on an empty page: the cursor would not advance");
    }
    return new StripeListPage.Valid(ids, hasMore.booleanValue());
  }
}
