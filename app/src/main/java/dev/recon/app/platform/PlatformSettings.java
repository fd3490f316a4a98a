package dev.recon.app.platform;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Raw setting values from one or more sources, each remembering where it came from so that an error
 * can name the flag, variable or file key to fix. Blank values count as not set.
 */
public final class PlatformSettings {
  private static final PlatformSettings NONE = new PlatformSettings(Map.of());

  private final Map<PlatformSetting, SourcedValue> values;

  private PlatformSettings(Map<PlatformSetting, SourcedValue> values) {
    this.values = values;
  }

  /** A value and the place it was read from, e.g. {@code RECON_KAFKA} or {@code --kafka}. */
  public record SourcedValue(String value, String origin) {
    @Override
    public String toString() {
      return origin;
    }
  }

  /** No values at all. */
  public static PlatformSettings none() {
    return NONE;
  }

  /** Values given on the command line; a null or blank value counts as not given. */
  public static PlatformSettings fromFlags(Map<PlatformSetting, String> flags) {
    Map<PlatformSetting, SourcedValue> values = new EnumMap<>(PlatformSetting.class);
    flags.forEach(
        (setting, value) -> {
          if (isSet(value)) {
            values.put(setting, new SourcedValue(value.strip(), setting.flag()));
          }
        });
    return of(values);
  }

  /** Values from environment variables ({@code RECON_KAFKA}, ...); others are ignored. */
  public static PlatformSettings fromEnvironment(Map<String, String> environment) {
    Map<PlatformSetting, SourcedValue> values = new EnumMap<>(PlatformSetting.class);
    for (PlatformSetting setting : PlatformSetting.values()) {
      String value = environment.get(setting.environmentVariable());
      if (isSet(value)) {
        values.put(setting, new SourcedValue(value.strip(), setting.environmentVariable()));
      }
    }
    return of(values);
  }

  /**
   * Values from a source of its own (e.g. a job's runtime properties), each with the origin an
   * error should name; a blank value counts as not given.
   */
  public static PlatformSettings fromSources(Map<PlatformSetting, SourcedValue> sourced) {
    Map<PlatformSetting, SourcedValue> values = new EnumMap<>(PlatformSetting.class);
    sourced.forEach(
        (setting, value) -> {
          if (isSet(value.value())) {
            values.put(setting, new SourcedValue(value.value().strip(), value.origin()));
          }
        });
    return of(values);
  }

  static PlatformSettings of(Map<PlatformSetting, SourcedValue> values) {
    if (values.isEmpty()) {
      return NONE;
    }
    return new PlatformSettings(Collections.unmodifiableMap(new EnumMap<>(values)));
  }

  /** These values, and for every setting not given here, the one from {@code lower}. */
  public PlatformSettings orElse(PlatformSettings lower) {
    Map<PlatformSetting, SourcedValue> merged = new EnumMap<>(PlatformSetting.class);
    merged.putAll(lower.values);
    merged.putAll(values);
    return of(merged);
  }

  public Optional<SourcedValue> get(PlatformSetting setting) {
    return Optional.ofNullable(values.get(setting));
  }

  public boolean has(PlatformSetting setting) {
    return values.containsKey(setting);
  }

  static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  @Override
  public String toString() {
    StringJoiner out = new StringJoiner(", ", "PlatformSettings{", "}");
    values.forEach(
        (setting, sourced) ->
            out.add(
                setting.name()
                    + "="
                    + (setting.secret() ? Secrets.MASK : Secrets.maskJdbcUrl(sourced.value()))
                    + " ("
                    + sourced.origin()
                    + ")"));
    return out.toString();
  }
}
