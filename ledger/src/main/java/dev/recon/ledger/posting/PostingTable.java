package dev.recon.ledger.posting;

import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The posting table as data: a rule for every (booking, member kind, event type) the matching
 * module can produce, and the FX conversion legs. Complete by construction, so booking a
 * well-formed match always finds its rule. Read from YAML ({@link #read}, {@link #parse}; format in
 * {@code default-posting-rules.yaml}); the default table ships with the ledger.
 */
public final class PostingTable implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The default table, next to this class on the class path. */
  public static final String DEFAULT_RESOURCE = "default-posting-rules.yaml";

  private record Key(Booking booking, RecordKind member, PaymentEventType event)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final List<PostingRule> rules;
  private final FxConversion fxConversion;
  private final Map<Key, PostingRule> byKey;

  /**
   * @throws IllegalArgumentException if a rule is missing or duplicated: {@link PostingTableYaml}
   *     reports that with paths before it gets here
   */
  PostingTable(List<PostingRule> rules, FxConversion fxConversion) {
    this.rules = List.copyOf(rules);
    this.fxConversion = Objects.requireNonNull(fxConversion, "fxConversion");
    Map<Key, PostingRule> index = new HashMap<>();
    for (PostingRule rule : this.rules) {
      if (index.put(new Key(rule.booking(), rule.member(), rule.event()), rule) != null) {
        throw new IllegalArgumentException("two rules for " + rule.key());
      }
    }
    List<String> missing = missingKeys(index);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no rules for " + missing);
    }
    this.byKey = Map.copyOf(index);
  }

  /** The default table; loaded and checked once. */
  public static PostingTable defaultTable() {
    return DefaultTable.TABLE;
  }

  /**
   * Reads a tenant's table file; a file too large to be one is an error, found without reading all
   * of it. Errors do not name the file: the caller does.
   */
  public static ParsedPostingTable read(Path file) throws IOException {
    return PostingTableYaml.read(file);
  }

  /** Reads a table from UTF-8 text (a resource, an object), as {@link #read(Path)}. */
  public static ParsedPostingTable read(InputStream in) throws IOException {
    return PostingTableYaml.read(in);
  }

  /** Reads a table from YAML text. */
  public static ParsedPostingTable parse(String yaml) {
    return PostingTableYaml.parse(yaml);
  }

  /** The rules in the order of the file. */
  public List<PostingRule> rules() {
    return rules;
  }

  public FxConversion fxConversion() {
    return fxConversion;
  }

  /**
   * The rule for a member of this kind in this booking.
   *
   * @param event the member's event type where the booking books the kind by event type; ignored
   *     elsewhere
   * @throws IllegalArgumentException if the booking does not book members of this kind
   */
  public PostingRule rule(Booking booking, RecordKind member, PaymentEventType event) {
    PaymentEventType key = booking.byEventType(member) ? Objects.requireNonNull(event) : null;
    PostingRule rule = byKey.get(new Key(booking, member, key));
    if (rule == null) {
      throw new IllegalArgumentException(booking + " books no " + member + " members");
    }
    return rule;
  }

  /** Every (booking, member, event) a table must have a rule for, as {@link PostingRule#key}. */
  static List<String> requiredKeys() {
    return missingKeys(Map.of());
  }

  private static List<String> missingKeys(Map<Key, PostingRule> present) {
    List<String> missing = new ArrayList<>();
    for (Booking booking : Booking.values()) {
      for (RecordKind kind : booking.memberKinds()) {
        if (booking.byEventType(kind)) {
          for (PaymentEventType event : PaymentEventType.values()) {
            if (!present.containsKey(new Key(booking, kind, event))) {
              missing.add(booking + " " + kind + " " + event);
            }
          }
        } else if (!present.containsKey(new Key(booking, kind, null))) {
          missing.add(booking + " " + kind + " " + PostingRule.ANY);
        }
      }
    }
    return missing;
  }

  /** Holder: the default table is read on first use, once. */
  private static final class DefaultTable {
    static final PostingTable TABLE = load();

    private static PostingTable load() {
      String yaml;
      try (InputStream in = PostingTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "posting table " + DEFAULT_RESOURCE + " not on class path");
        }
        yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ParsedPostingTable parsed = parse(yaml);
      if (!parsed.isValid()) {
        throw new IllegalStateException("the default posting table is invalid: " + parsed.errors());
      }
      return parsed.table();
    }
  }
}
