package dev.recon.ledger.posting;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recon.ledger.chart.ChartOfAccounts;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a posting table from YAML and checks all of it before anything is used, reporting every
 * error with the path of its key. The format, by example (the full default table is {@code
 * default-posting-rules.yaml}):
 *
 * <pre>
 * version: 1
 * rules:                              # one per (booking, member, event), all of them
 *   - booking: SETTLEMENT             # CAPTURE, SETTLEMENT, CASH, WRITE_OFF
 *     member: PSP_TXN                 # EXPECTED, PSP_TXN, PAYOUT, BANK_LINE, as the booking has
 *     event: CHARGEBACK               # a PaymentEventType for PSP_TXN of CAPTURE and SETTLEMENT,
 *                                     # else ANY
 *     description: a chargeback is a loss
 *     legs:                           # [] books nothing
 *       - debit: chargeback_losses    # an account of the chart, or psp_receivable:{psp},
 *         credit: "psp_receivable:{psp}"   # bank:{bank_account}
 *         amount: gross               # gross, fee, net, converted (the last three PSP_TXN of
 *                                     # CAPTURE and SETTLEMENT only)
 *         sign: negated               # reported or negated
 *         when_missing:               # optional: the member lacks {psp} or {bank_account}
 *           account: suspense
 *           note: no psp on the decision
 * fx_conversion:                      # legs added to a SETTLEMENT PSP_TXN converted by the PSP
 *   description: the PSP converted the gross
 *   legs: [...]                       # as above, at least one
 * </pre>
 */
final class PostingTableYaml {

  /** The default table is about 10 KB with its comments; anything far larger is not a table. */
  static final int MAX_CHARS = 64 * 1024;

  /** A complete table has some 25 rules; room for comments-free variants, not for abuse. */
  static final int MAX_RULES = 200;

  /** Legs of one rule; the default needs two. */
  static final int MAX_LEGS = 8;

  /** Descriptions and notes are one line for a reader of the table or the entry. */
  static final int MAX_TEXT_CHARS = 200;

  static final int VERSION = 1;

  private static final Set<String> TOP_KEYS = Set.of("version", "rules", "fx_conversion");
  private static final Set<String> RULE_KEYS =
      Set.of("booking", "member", "event", "description", "legs");
  private static final Set<String> FX_KEYS = Set.of("description", "legs");
  private static final Set<String> LEG_KEYS =
      Set.of("debit", "credit", "amount", "sign", "when_missing");
  private static final Set<String> FALLBACK_KEYS = Set.of("account", "note");

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private final List<PostingTableError> errors = new ArrayList<>();

  private PostingTableYaml() {}

  static ParsedPostingTable parse(String yaml) {
    if (yaml.length() > MAX_CHARS) {
      return invalid("", "posting table longer than " + MAX_CHARS + " characters");
    }
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return invalid("", "not valid YAML" + where + ": " + e.getOriginalMessage());
    }
    return new PostingTableYaml().read(root);
  }

  /**
   * UTF-8 has at most 4 bytes a character: more bytes than this are too many characters, found
   * without reading further.
   */
  static final int MAX_BYTES = MAX_CHARS * 4;

  /**
   * Reads a table from UTF-8 text; more than {@value #MAX_BYTES} bytes is an error, found after
   * reading one byte more and no further. Errors do not name the source: the caller does.
   */
  static ParsedPostingTable read(InputStream in) throws IOException {
    byte[] content = in.readNBytes(MAX_BYTES + 1);
    if (content.length > MAX_BYTES) {
      return invalid("", "posting table larger than " + MAX_CHARS + " characters");
    }
    String yaml;
    try {
      yaml =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return invalid("", "not UTF-8 text");
    }
    return parse(yaml);
  }

  /** Reads a table file, as {@link #read(InputStream)}. */
  static ParsedPostingTable read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  private static ParsedPostingTable invalid(String path, String message) {
    return new ParsedPostingTable(null, List.of(new PostingTableError(path, message)));
  }

  private ParsedPostingTable read(JsonNode root) {
    if (root == null || root.isMissingNode() || !root.isObject()) {
      return invalid("", "expected a mapping with version, rules and fx_conversion");
    }
    unknownKeys(root, "", TOP_KEYS);
    JsonNode version = root.get("version");
    if (version == null || !version.isIntegralNumber() || version.asLong() != VERSION) {
      error("version", "required, must be " + VERSION);
    }
    List<PostingRule> rules = rules(root.get("rules"));
    FxConversion fx = fxConversion(root.get("fx_conversion"));
    if (!errors.isEmpty()) {
      return new ParsedPostingTable(null, errors);
    }
    return new ParsedPostingTable(new PostingTable(rules, fx), List.of());
  }

  private List<PostingRule> rules(JsonNode list) {
    List<PostingRule> rules = new ArrayList<>();
    if (list == null || !list.isArray()) {
      error("rules", "required, a list of rules");
      return rules;
    }
    if (list.size() > MAX_RULES) {
      error("rules", "more than " + MAX_RULES + " rules");
      return rules;
    }
    Map<String, Integer> seen = new HashMap<>();
    boolean keysRead = true;
    for (int i = 0; i < list.size(); i++) {
      String path = "rules[" + i + "]";
      JsonNode node = list.get(i);
      if (!node.isObject()) {
        error(path, "expected a mapping");
        keysRead = false;
        continue;
      }
      int before = errors.size();
      unknownKeys(node, path, RULE_KEYS);
      Booking booking = enumValue(node, path, "booking", Booking.values());
      RecordKind member = member(node, path, booking);
      PaymentEventType event = event(node, path, booking, member);
      String key = null;
      if (errors.size() == before) {
        key = booking + " " + member + " " + (event == null ? PostingRule.ANY : event.name());
        Integer first = seen.putIfAbsent(key, i);
        if (first != null) {
          error(path, "duplicate of rules[" + first + "]: " + key);
        }
      } else {
        // Its key is unreadable: do not report rules as missing that may be this one.
        keysRead = false;
      }
      String description = text(node, path, "description");
      List<PostingLeg> legs = legs(node.get("legs"), path + ".legs", booking, member, false);
      if (errors.size() == before) {
        rules.add(new PostingRule(booking, member, event, description, legs));
      }
    }
    if (keysRead) {
      for (String required : PostingTable.requiredKeys()) {
        if (!seen.containsKey(required)) {
          error("rules", "no rule for " + required);
        }
      }
    }
    return rules;
  }

  private RecordKind member(JsonNode node, String path, Booking booking) {
    RecordKind member = enumValue(node, path, "member", RecordKind.values());
    if (member != null && booking != null && !booking.memberKinds().contains(member)) {
      error(
          path + ".member",
          booking + " books no " + member + " members; it books " + booking.memberKinds());
      return null;
    }
    return member;
  }

  private PaymentEventType event(JsonNode node, String path, Booking booking, RecordKind member) {
    JsonNode value = node.get("event");
    String eventPath = path + ".event";
    if (value == null || value.isNull()) {
      error(eventPath, "required, a PaymentEventType or " + PostingRule.ANY);
      return null;
    }
    if (booking == null || member == null) {
      return null;
    }
    if (!booking.byEventType(member)) {
      if (!value.isTextual() || !PostingRule.ANY.equalsIgnoreCase(value.asText().strip())) {
        error(
            eventPath,
            booking + " books " + member + " members by one rule: must be " + PostingRule.ANY);
      }
      return null;
    }
    return parseEnum(value, eventPath, "event type", PaymentEventType.values());
  }

  private FxConversion fxConversion(JsonNode node) {
    String path = "fx_conversion";
    if (node == null || !node.isObject()) {
      error(path, "required, a mapping with description and legs");
      return null;
    }
    unknownKeys(node, path, FX_KEYS);
    String description = text(node, path, "description");
    List<PostingLeg> legs =
        legs(node.get("legs"), path + ".legs", Booking.SETTLEMENT, RecordKind.PSP_TXN, true);
    return description == null ? null : new FxConversion(description, legs);
  }

  private List<PostingLeg> legs(
      JsonNode list, String path, Booking booking, RecordKind member, boolean nonEmpty) {
    List<PostingLeg> legs = new ArrayList<>();
    if (list == null || !list.isArray()) {
      error(path, "required, a list of legs" + (nonEmpty ? "" : " ([] books nothing)"));
      return legs;
    }
    if (nonEmpty && list.isEmpty()) {
      error(path, "at least one leg");
    }
    if (list.size() > MAX_LEGS) {
      error(path, "more than " + MAX_LEGS + " legs");
      return legs;
    }
    for (int i = 0; i < list.size(); i++) {
      PostingLeg leg = leg(list.get(i), path + "[" + i + "]", booking, member);
      if (leg != null) {
        legs.add(leg);
      }
    }
    return legs;
  }

  private PostingLeg leg(JsonNode node, String path, Booking booking, RecordKind member) {
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return null;
    }
    int before = errors.size();
    unknownKeys(node, path, LEG_KEYS);
    AccountTemplate debit = template(node, path, "debit", member);
    AccountTemplate credit = template(node, path, "credit", member);
    if (debit != null && debit.equals(credit)) {
      error(path + ".credit", "the same account as debit: the leg would book nothing");
    }
    LegAmount amount = enumValue(node, path, "amount", LegAmount.values());
    if (amount != null
        && amount != LegAmount.GROSS
        && booking != null
        && member != null
        && !booking.byEventType(member)) {
      error(
          path + ".amount",
          "only PSP_TXN members of CAPTURE and SETTLEMENT have a fee, a net and a net currency;"
              + " "
              + member
              + " in "
              + booking
              + " books gross");
    }
    AmountSign sign = enumValue(node, path, "sign", AmountSign.values());
    QualifierFallback whenMissing = whenMissing(node.get("when_missing"), path, debit, credit);
    if (errors.size() > before) {
      return null;
    }
    return new PostingLeg(debit, credit, amount, sign, whenMissing);
  }

  /** An account of the chart or a known template whose qualifier the member carries. */
  private AccountTemplate template(JsonNode node, String path, String key, RecordKind member) {
    String text = text(node, path, key);
    if (text == null) {
      return null;
    }
    String keyPath = path + "." + key;
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
      for (AccountQualifier q : AccountQualifier.values()) {
        if (q.template().equals(text)) {
          if (member != null && !q.carriedBy(member)) {
            error(keyPath, member + " members carry no " + q.field() + " for " + text);
            return null;
          }
          return AccountTemplate.qualified(q);
        }
      }
      error(keyPath, "unknown template '" + text + "'; known: " + knownTemplates());
      return null;
    }
    try {
      return AccountTemplate.fixed(text);
    } catch (IllegalArgumentException e) {
      error(keyPath, e.getMessage() + " (or one of the templates " + knownTemplates() + ")");
      return null;
    }
  }

  private QualifierFallback whenMissing(
      JsonNode node, String path, AccountTemplate debit, AccountTemplate credit) {
    if (node == null) {
      return null;
    }
    String fallbackPath = path + ".when_missing";
    if (!node.isObject()) {
      error(fallbackPath, "expected a mapping with account and note");
      return null;
    }
    unknownKeys(node, fallbackPath, FALLBACK_KEYS);
    if (debit != null
        && credit != null
        && debit.qualifier() == null
        && credit.qualifier() == null) {
      error(fallbackPath, "neither debit nor credit is a template: nothing can be missing");
    }
    String account = text(node, fallbackPath, "account");
    String note = text(node, fallbackPath, "note");
    if (account == null || note == null) {
      return null;
    }
    if (!ChartOfAccounts.isAccount(account)) {
      error(fallbackPath + ".account", "not an account of the chart: " + account);
      return null;
    }
    return new QualifierFallback(account, note);
  }

  private static List<String> knownTemplates() {
    return Arrays.stream(AccountQualifier.values()).map(AccountQualifier::template).toList();
  }

  private String text(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    String keyPath = path.isEmpty() ? key : path + "." + key;
    if (value == null || value.isNull()) {
      error(keyPath, "required");
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      error(keyPath, "expected a non-blank string");
      return null;
    }
    String text = value.asText().strip();
    if (text.length() > MAX_TEXT_CHARS) {
      error(keyPath, "longer than " + MAX_TEXT_CHARS + " characters");
      return null;
    }
    return text;
  }

  private <E extends Enum<E>> E enumValue(JsonNode node, String path, String key, E[] values) {
    JsonNode value = node.get(key);
    String keyPath = path + "." + key;
    if (value == null || value.isNull()) {
      error(keyPath, "required, one of " + List.of(values));
      return null;
    }
    return parseEnum(value, keyPath, "value", values);
  }

  private <E extends Enum<E>> E parseEnum(JsonNode value, String path, String what, E[] values) {
    if (value.isTextual()) {
      String wanted = value.asText().strip().toUpperCase(Locale.ROOT);
      for (E candidate : values) {
        if (candidate.name().equals(wanted)) {
          return candidate;
        }
      }
    }
    error(
        path, "unknown " + what + " '" + value.asText() + "'; expected one of " + List.of(values));
    return null;
  }

  private void unknownKeys(JsonNode node, String path, Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        error(
            path.isEmpty() ? key : path + "." + key,
            "unknown key; known: " + known.stream().sorted().toList());
      }
    }
  }

  private void error(String path, String message) {
    errors.add(new PostingTableError(path, message));
  }
}
