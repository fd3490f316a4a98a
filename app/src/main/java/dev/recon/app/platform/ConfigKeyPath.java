package dev.recon.app.platform;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Where in a config section a Jackson binding failed, as the key path errors name it ({@code
 * .schedules[2].zone}), so a user finds the line to fix in {@code recon.yaml}.
 */
public final class ConfigKeyPath {
  private ConfigKeyPath() {}

  /** The path below the section, or "" when the failure has no position in the document. */
  public static String of(JacksonException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (var ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        b.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
