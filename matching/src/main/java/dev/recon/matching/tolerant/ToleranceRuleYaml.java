package dev.recon.matching.tolerant;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.recon.matching.cash.CashRuleSet;
import dev.recon.matching.cash.CashRuleYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads L2 rules (and, beside them, L4's {@code cash:} rules: see {@link CashRuleYaml}) from YAML
 * and checks all of it before anything is used, reporting every error with the path of its key. A
 * file has a {@code rules:} list, a {@code cash:} list, or both:
 *
 * <pre>
 * rules:
 *   - name: adyen-rounding          # [A-Za-z0-9._-], unique
 *     priority: 20                  # lower is tried first
 *     tenant: t-acme                # optional, default "*"
 *     psp: adyen                    # optional, default "*"
 *     confidence: 85                # 0-100
 *     amount:                       # optional, default exact
 *       absolute_minor: 1
 *       relative_bps: 5
 *       relative_base: LARGER       # LARGER, SMALLER, EXPECTED, PSP
 *     time:                         # optional, default 7 days EITHER
 *       max_lag_days: 3
 *       direction: PSP_AFTER_EXPECTED   # or PSP_BEFORE_EXPECTED, EITHER
 *     reference:                    # optional; without it references are not compared
 *       ignore_case: true           # these three default to true
 *       ignore_whitespace: true
 *       ignore_punctuation: true
 *       strip_prefixes: [ORDER, INV]
 *       regex: "(\\d+)$"             # exactly one capture group
 *     allocation: [ONE_TO_ONE, PARTIAL_CAPTURES, SPLIT_PAYMENT]   # default [ONE_TO_ONE]
 *     max_parts: 4                  # 2-6, default 4
 * </pre>
 */
public final class ToleranceRuleYaml {

  /** A rule file is a few hundred lines; anything far larger is not one. */
  public static final int MAX_CHARS = 256 * 1024;

  private static final Set<String> TOP_KEYS = Set.of("rules", "cash");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "name",
          "priority",
          "tenant",
          "psp",
          "confidence",
          "amount",
          "time",
          "reference",
          "allocation",
          "max_parts");
  private static final Set<String> AMOUNT_KEYS =
      Set.of("absolute_minor", "relative_bps", "relative_base");
  private static final Set<String> TIME_KEYS = Set.of("max_lag_days", "direction");
  private static final Set<String> REFERENCE_KEYS =
      Set.of("ignore_case", "ignore_whitespace", "ignore_punctuation", "strip_prefixes", "regex");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<RuleError> errors = new ArrayList<>();
  private final RuleFields fields = new RuleFields(errors);

  private ToleranceRuleYaml() {}

  public static ParsedRuleSet parse(String yaml) {
    if (yaml.length() > MAX_CHARS) {
      return invalid("", "rule file longer than " + MAX_CHARS + " characters");
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
    return new ToleranceRuleYaml().read(root);
  }

  /** Reads a rule file; a file too large to be one is an error, not a read. */
  public static ParsedRuleSet read(Path file) throws IOException {
    if (Files.size(file) > MAX_CHARS * 4L) {
      return invalid("", "rule file larger than " + MAX_CHARS + " characters: " + file);
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static ParsedRuleSet invalid(String path, String message) {
    return new ParsedRuleSet(null, List.of(new RuleError(path, message)));
  }

  private ParsedRuleSet read(JsonNode root) {
    if (root == null || root.isMissingNode() || !root.isObject()) {
      return invalid("", "expected a mapping with a 'rules' list, a 'cash' list, or both");
    }
    if (!root.has("rules") && !root.has("cash")) {
      return invalid("", "expected a 'rules' list (L2), a 'cash' list (L4), or both");
    }
    fields.unknownKeys(root, "", TOP_KEYS);
    ToleranceRuleSet ruleSet =
        root.has("rules") ? toleranceRules(root.get("rules")) : ToleranceRuleSet.defaults();
    CashRuleSet cashRules =
        root.has("cash") ? CashRuleYaml.read(root.get("cash"), "cash", errors) : CashRuleSet.none();
    if (!errors.isEmpty()) {
      return new ParsedRuleSet(null, errors, null);
    }
    return new ParsedRuleSet(ruleSet, List.of(), cashRules);
  }

  /** The L2 rules, or null when they have errors (they are recorded). */
  private ToleranceRuleSet toleranceRules(JsonNode list) {
    int before = errors.size();
    List<ToleranceRule> rules = new ArrayList<>();
    if (list == null || !list.isArray()) {
      error("rules", "required, a list of rules");
    } else if (list.size() > ToleranceRuleSet.MAX_RULES) {
      error("rules", "more than " + ToleranceRuleSet.MAX_RULES + " rules");
    } else {
      Set<String> names = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        String path = "rules[" + i + "]";
        ToleranceRule rule = rule(list.get(i), path);
        if (rule != null && !names.add(rule.name())) {
          error(path + ".name", "duplicate rule name '" + rule.name() + "'");
        }
        rules.add(rule);
      }
    }
    return errors.size() > before ? null : new ToleranceRuleSet(rules);
  }

  /** The rule, or null when it has errors (they are recorded). */
  private ToleranceRule rule(JsonNode node, String path) {
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return null;
    }
    int before = errors.size();
    fields.unknownKeys(node, path, RULE_KEYS);
    String name = fields.text(node, path, "name", true, null);
    if (name != null && !ToleranceRule.NAME.matcher(name).matches()) {
      error(path + ".name", "must be 1-64 of letters, digits, '.', '_', '-'");
    }
    int priority =
        (int) fields.number(node, path, "priority", true, 0, 0, ToleranceRule.MAX_PRIORITY);
    String tenant = fields.text(node, path, "tenant", false, ToleranceRule.ANY);
    String psp = fields.text(node, path, "psp", false, ToleranceRule.ANY);
    int confidence =
        (int) fields.number(node, path, "confidence", true, 0, 0, ToleranceRule.MAX_CONFIDENCE);
    AmountTolerance amount = amount(node.get("amount"), path + ".amount");
    TimeWindow time = time(node.get("time"), path + ".time");
    ReferenceNormalisation reference = reference(node.get("reference"), path + ".reference");
    Set<Allocation> allocations = allocations(node.get("allocation"), path + ".allocation");
    int maxParts =
        (int)
            fields.number(
                node,
                path,
                "max_parts",
                false,
                ToleranceRule.DEFAULT_MAX_PARTS,
                2,
                ToleranceRule.MAX_PARTS);
    if (errors.size() > before) {
      return null;
    }
    return new ToleranceRule(
        name, priority, tenant, psp, confidence, amount, time, reference, allocations, maxParts);
  }

  private AmountTolerance amount(JsonNode node, String path) {
    if (node == null) {
      return AmountTolerance.EXACT;
    }
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return null;
    }
    fields.unknownKeys(node, path, AMOUNT_KEYS);
    long absolute =
        fields.number(
            node, path, "absolute_minor", false, 0, 0, AmountTolerance.MAX_ABSOLUTE_MINOR);
    long bps =
        fields.number(node, path, "relative_bps", false, 0, 0, AmountTolerance.MAX_BASIS_POINTS);
    RelativeBase base =
        enumValue(node, path, "relative_base", RelativeBase.class, null, RelativeBase.values());
    if (bps > 0 && base == null && !node.has("relative_base")) {
      error(path + ".relative_base", "required when relative_bps is set");
    }
    return new AmountTolerance(absolute, (int) bps, base == null ? RelativeBase.LARGER : base);
  }

  private TimeWindow time(JsonNode node, String path) {
    if (node == null) {
      return TimeWindow.DEFAULT;
    }
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return null;
    }
    fields.unknownKeys(node, path, TIME_KEYS);
    long days = fields.number(node, path, "max_lag_days", true, 0, 0, TimeWindow.MAX_LAG_DAYS);
    LagDirection direction =
        enumValue(
            node,
            path,
            "direction",
            LagDirection.class,
            LagDirection.EITHER,
            LagDirection.values());
    return new TimeWindow((int) days, direction == null ? LagDirection.EITHER : direction);
  }

  private ReferenceNormalisation reference(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return null;
    }
    fields.unknownKeys(node, path, REFERENCE_KEYS);
    boolean ignoreCase = bool(node, path, "ignore_case");
    boolean ignoreWhitespace = bool(node, path, "ignore_whitespace");
    boolean ignorePunctuation = bool(node, path, "ignore_punctuation");
    List<String> prefixes = new ArrayList<>();
    JsonNode list = node.get("strip_prefixes");
    String prefixPath = path + ".strip_prefixes";
    if (list != null) {
      if (!list.isArray()) {
        error(prefixPath, "expected a list of strings");
      } else if (list.size() > ReferenceNormalisation.MAX_PREFIXES) {
        error(prefixPath, "more than " + ReferenceNormalisation.MAX_PREFIXES + " prefixes");
      } else {
        for (int i = 0; i < list.size(); i++) {
          JsonNode prefix = list.get(i);
          if (!prefix.isTextual()
              || prefix.asText().isEmpty()
              || prefix.asText().length() > ReferenceNormalisation.MAX_PREFIX_CHARS) {
            error(
                prefixPath + "[" + i + "]",
                "expected a string of 1-"
                    + ReferenceNormalisation.MAX_PREFIX_CHARS
                    + " characters");
          } else {
            prefixes.add(prefix.asText());
          }
        }
      }
    }
    String regex = fields.text(node, path, "regex", false, null);
    if (regex != null) {
      String problem = ReferenceNormalisation.regexProblem(regex);
      if (problem != null) {
        error(path + ".regex", problem);
        regex = null;
      }
    }
    return new ReferenceNormalisation(
        ignoreCase, ignoreWhitespace, ignorePunctuation, prefixes, regex);
  }

  private Set<Allocation> allocations(JsonNode node, String path) {
    if (node == null) {
      return EnumSet.of(Allocation.ONE_TO_ONE);
    }
    if (!node.isArray() || node.isEmpty()) {
      error(path, "expected a non-empty list of " + List.of(Allocation.values()));
      return EnumSet.of(Allocation.ONE_TO_ONE);
    }
    Set<Allocation> allocations = EnumSet.noneOf(Allocation.class);
    for (int i = 0; i < node.size(); i++) {
      Allocation a = parseEnum(node.get(i), path + "[" + i + "]", Allocation.values());
      if (a != null && !allocations.add(a)) {
        error(path + "[" + i + "]", "listed twice: " + a);
      }
    }
    return allocations.isEmpty() ? EnumSet.of(Allocation.ONE_TO_ONE) : allocations;
  }

  /** A reference flag; every one defaults to true, the lenient reading. */
  private boolean bool(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return true;
    }
    if (!value.isBoolean()) {
      error(path + "." + key, "expected true or false");
      return true;
    }
    return value.asBoolean();
  }

  private <E extends Enum<E>> E enumValue(
      JsonNode node, String path, String key, Class<E> type, E absent, E[] values) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return absent;
    }
    E parsed = parseEnum(value, path + "." + key, values);
    return parsed == null ? absent : type.cast(parsed);
  }

  private <E extends Enum<E>> E parseEnum(JsonNode value, String path, E[] values) {
    if (value.isTextual()) {
      String wanted = value.asText().strip().toUpperCase(Locale.ROOT);
      for (E candidate : values) {
        if (candidate.name().equals(wanted)) {
          return candidate;
        }
      }
    }
    error(path, "expected one of " + List.of(values));
    return null;
  }

  private void error(String path, String message) {
    errors.add(new RuleError(path, message));
  }
}
