package dev.recon.matching.cash;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.matching.tolerant.RuleError;
import dev.recon.matching.tolerant.RuleFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the {@code cash:} section of a rule file (see {@link
 * dev.recon.matching.tolerant.ToleranceRuleYaml}), recording every error with the path of its key:
 *
 * <pre>
 * cash:
 *   - name: eur-banks                 # [A-Za-z0-9._-], unique among cash rules
 *     priority: 10                    # lower is tried first
 *     tenant: t-acme                  # optional, default "*"
 *     psp: adyen                      # optional, default "*"
 *     bank_account: DE89370400440532013000   # optional, default "*"
 *     max_bank_fee_minor: {EUR: 500, "*": 100}   # optional; keys select currencies
 *     value_date:                     # optional, default calendar days 1 before / 5 after
 *       business_days_before: 1
 *       business_days_after: 2
 *       calendar: EUR                 # optional, default the payout's currency
 *     reference_patterns: ["PO-0*(\\d+)"]   # optional, one capture group each
 * </pre>
 */
public final class CashRuleYaml {

  private static final Set<String> RULE_KEYS =
      Set.of(
          "name",
          "priority",
          "tenant",
          "psp",
          "bank_account",
          "max_bank_fee_minor",
          "value_date",
          "reference_patterns");
  private static final Set<String> VALUE_DATE_KEYS =
      Set.of("business_days_before", "business_days_after", "calendar");

  private final List<RuleError> errors;
  private final RuleFields fields;

  private CashRuleYaml(List<RuleError> errors) {
    this.errors = errors;
    this.fields = new RuleFields(errors);
  }

  /**
   * The rule set in {@code list} (at {@code path}), or null when it has errors; they are added to
   * {@code errors}.
   */
  public static CashRuleSet read(JsonNode list, String path, List<RuleError> errors) {
    return new CashRuleYaml(errors).ruleSet(list, path);
  }

  private CashRuleSet ruleSet(JsonNode list, String path) {
    int before = errors.size();
    if (list == null || !list.isArray()) {
      error(path, "expected a list of cash rules");
      return null;
    }
    if (list.size() > CashRuleSet.MAX_RULES) {
      error(path, "more than " + CashRuleSet.MAX_RULES + " cash rules");
      return null;
    }
    List<CashRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String rulePath = path + "[" + i + "]";
      CashRule rule = rule(list.get(i), rulePath);
      if (rule != null) {
        if (names.add(rule.name())) {
          rules.add(rule);
        } else {
          error(rulePath + ".name", "duplicate cash rule name '" + rule.name() + "'");
        }
      }
    }
    return errors.size() > before ? null : new CashRuleSet(rules);
  }

  /** The rule, or null when it has errors (they are recorded). */
  private CashRule rule(JsonNode node, String path) {
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return null;
    }
    int before = errors.size();
    fields.unknownKeys(node, path, RULE_KEYS);
    String name = fields.text(node, path, "name", true, null);
    if (name != null && !CashRule.NAME.matcher(name).matches()) {
      error(path + ".name", "must be 1-64 of letters, digits, '.', '_', '-'");
    }
    int priority = (int) fields.number(node, path, "priority", true, 0, 0, CashRule.MAX_PRIORITY);
    String tenant = fields.text(node, path, "tenant", false, CashRule.ANY);
    String psp = fields.text(node, path, "psp", false, CashRule.ANY);
    String bankAccount = fields.text(node, path, "bank_account", false, CashRule.ANY);
    Map<String, Long> fees = fees(node.get("max_bank_fee_minor"), path + ".max_bank_fee_minor");
    ValueDateWindow window = valueDate(node.get("value_date"), path + ".value_date");
    List<ReferencePattern> patterns =
        patterns(node.get("reference_patterns"), path + ".reference_patterns");
    if (errors.size() > before) {
      return null;
    }
    return new CashRule(name, priority, tenant, psp, bankAccount, fees, window, patterns);
  }

  private Map<String, Long> fees(JsonNode node, String path) {
    Map<String, Long> fees = new TreeMap<>();
    if (node == null || node.isNull()) {
      return fees;
    }
    if (!node.isObject()) {
      error(path, "expected a mapping of currency (or \"*\") to minor units, e.g. {EUR: 500}");
      return fees;
    }
    if (node.size() > CashRule.MAX_CURRENCIES) {
      error(path, "more than " + CashRule.MAX_CURRENCIES + " currencies");
      return fees;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String currency = it.next();
      if (!CashRule.ANY.equals(currency) && !currency.matches("[A-Z]{3}")) {
        error(path + "." + currency, "not an ISO 4217 currency code (or \"*\")");
        continue;
      }
      long fee = fields.number(node, path, currency, true, -1, 0, CashRule.MAX_FEE_MINOR);
      if (fee >= 0) {
        fees.put(currency, fee);
      }
    }
    return fees;
  }

  private ValueDateWindow valueDate(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return ValueDateWindow.DEFAULT;
    }
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return ValueDateWindow.DEFAULT;
    }
    fields.unknownKeys(node, path, VALUE_DATE_KEYS);
    long before =
        fields.number(node, path, "business_days_before", true, 0, 0, ValueDateWindow.MAX_DAYS);
    long after =
        fields.number(node, path, "business_days_after", true, 0, 0, ValueDateWindow.MAX_DAYS);
    String calendar = fields.text(node, path, "calendar", false, null);
    if (calendar != null && !calendar.matches("[A-Z]{3}")) {
      error(path + ".calendar", "expected an ISO 4217 currency code whose holidays apply");
      calendar = null;
    }
    return ValueDateWindow.businessDays((int) before, (int) after, calendar);
  }

  private List<ReferencePattern> patterns(JsonNode node, String path) {
    List<ReferencePattern> patterns = new ArrayList<>();
    if (node == null || node.isNull()) {
      return patterns;
    }
    if (!node.isArray()) {
      error(path, "expected a list of regexes");
      return patterns;
    }
    if (node.size() > CashRule.MAX_PATTERNS) {
      error(path, "more than " + CashRule.MAX_PATTERNS + " patterns");
      return patterns;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode value = node.get(i);
      String itemPath = path + "[" + i + "]";
      if (!value.isTextual()) {
        error(itemPath, "expected a regex string");
        continue;
      }
      String problem = ReferencePattern.problem(value.asText());
      if (problem != null) {
        error(itemPath, problem);
      } else {
        patterns.add(ReferencePattern.of(value.asText()));
      }
    }
    return patterns;
  }

  private void error(String path, String message) {
    errors.add(new RuleError(path, message));
  }
}
