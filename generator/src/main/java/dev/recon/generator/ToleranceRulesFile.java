package dev.recon.generator;

/**
 * The matching rules the world is generated for, in the YAML `recon reconcile --rules` reads: for
 * L2 the built-in rules' reference normalisation plus the prefix payment pages add, and the world's
 * amount tolerance; for L4 the world's largest bank fee.
 */
final class ToleranceRulesFile {
  private ToleranceRulesFile() {}

  static String render(GeneratorSpec spec) {
    String reference =
        "    reference:\n"
            + "      ignore_case: true\n"
            + "      ignore_whitespace: true\n"
            + "      ignore_punctuation: true\n"
            + "      strip_prefixes: [\""
            + OrderFlow.REFERENCE_PREFIX
            + "\"]\n"
            + "    allocation: [ONE_TO_ONE, PARTIAL_CAPTURES, SPLIT_PAYMENT]\n";
    return "# L2 rules for a generated world: references compared case-, space- and\n"
        + "# punctuation-blind without the payment page's prefix; amounts within "
        + spec.amountToleranceMinor()
        + " minor units.\n"
        + "rules:\n"
        + "  - name: "
        + OrderFlow.NORMALISED_RULE
        + "\n"
        + "    priority: 10\n"
        + "    confidence: 95\n"
        + reference
        + "  - name: "
        + OrderFlow.ROUNDING_RULE
        + "\n"
        + "    priority: 20\n"
        + "    confidence: 85\n"
        + "    amount:\n"
        + "      absolute_minor: "
        + spec.amountToleranceMinor()
        + "\n"
        + "      relative_base: LARGER\n"
        + reference
        // L4: the bank may keep a fee of up to the world's maximum from a payout, in any currency.
        + "cash:\n"
        + "  - name: bank-fees\n"
        + "    priority: 10\n"
        + "    max_bank_fee_minor: {\"*\": "
        + spec.maxBankFeeMinor()
        + "}\n";
  }
}
