package dev.recon.ledger.posting;

import static dev.recon.ledger.posting.Ledgers.lines;
import static dev.recon.ledger.posting.MatchFixtures.bankLine;
import static dev.recon.ledger.posting.MatchFixtures.expected;
import static dev.recon.ledger.posting.MatchFixtures.match;
import static dev.recon.ledger.posting.MatchFixtures.payout;
import static dev.recon.ledger.posting.MatchFixtures.pspFxTxn;
import static dev.recon.ledger.posting.MatchFixtures.pspTxn;
import static dev.recon.ledger.posting.TableYaml.defaultTree;
import static dev.recon.ledger.posting.TableYaml.leg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.MatchMember;
import dev.recon.schemas.Posting;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PostingTableTest {

  private static final String T = "acme";
  private static final Instant APPROVED = Instant.parse("2024-04-02T09:15:00Z");

  static Stream<Named<PostingRule>> defaultRules() {
    return PostingTable.defaultTable().rules().stream().map(r -> Named.of(r.key(), r));
  }

  /**
   * Every (booking, member, event) of the default table, with a positive and a negative amount, in
   * one currency and (for settled PSP rows) converted: the entries balance per currency, and a rule
   * with legs books something.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("defaultRules")
  void everyRuleOfTheDefaultTableBooksBalancedEntries(PostingRule rule) {
    for (long amount : new long[] {12_345, -12_345}) {
      for (boolean converted : new boolean[] {false, true}) {
        if (converted && !rule.booking().byEventType(rule.member())) {
          continue;
        }
        List<JournalEntry> entries = PostingRules.entriesFor(matchFor(rule, amount, converted));
        entries.forEach(JournalEntryInvariants::requireBalanced);
        Map<String, Long> perCurrency = new TreeMap<>();
        for (JournalEntry e : entries) {
          for (Posting p : e.getPostings()) {
            perCurrency.merge(p.getCurrency(), p.getDebitMinor() - p.getCreditMinor(), Long::sum);
          }
        }
        assertThat(perCurrency).as(rule.key()).allSatisfy((c, net) -> assertThat(net).isZero());
        boolean fx = converted && rule.booking() == Booking.SETTLEMENT;
        assertThat(entries)
            .as(rule.key() + " amount " + amount + (converted ? " converted" : ""))
            .hasSize(rule.legs().isEmpty() && !fx ? 0 : 1);
      }
    }
  }

  /** A match whose booking reads this rule, for one member of its kind and event. */
  private static Match matchFor(PostingRule rule, long amount, boolean converted) {
    String event = rule.event() == null ? null : rule.event().name();
    MatchMember m =
        switch (rule.member()) {
          case EXPECTED -> expected("e1", amount, "EUR");
          case PSP_TXN ->
              converted
                  ? pspFxTxn("p1", event, amount, "JPY", 40, amount / 150 - 40, "USD", "adyen")
                  : pspTxn("p1", event, amount, 40, "USD", "adyen");
          case PAYOUT -> payout("b1", amount, "USD", "adyen");
          case BANK_LINE -> bankLine("s1", amount, "USD", "NL91ABNA0417164300");
          case UNKNOWN -> throw new IllegalStateException("no rule books UNKNOWN");
        };
    return switch (rule.booking()) {
      case CAPTURE -> match(T, "L1:x", MatchLevel.L1, m);
      case SETTLEMENT -> match(T, "L3:x", MatchLevel.L3, m);
      case CASH -> match(T, "L4:x", MatchLevel.L4, m);
      case WRITE_OFF ->
          MatchFixtures.writeOff(
              T,
              "m-wo",
              APPROVED,
              m.getRecordKind(),
              m.getRecordId(),
              amount,
              "USD",
              m.getPsp(),
              m.getBankAccount());
    };
  }

  @Test
  void theDefaultTableBooksWhatTheStaticRulesBook() {
    PostingRules rules = PostingRules.with(PostingTable.defaultTable());
    for (Match m : AdyenLikeCycle.matches("acme", "B42", APPROVED)) {
      assertThat(rules.book(m)).isEqualTo(PostingRules.entriesFor(m));
    }
  }

  @Test
  void aTenantTableRoutesChargebacksToAnotherAccount(@TempDir Path dir) throws IOException {
    ObjectNode tree = defaultTree();
    leg(tree, "SETTLEMENT PSP_TXN CHARGEBACK", 0).put("debit", "psp_adjustments");
    leg(tree, "SETTLEMENT PSP_TXN CHARGEBACK_REVERSAL", 0).put("credit", "psp_adjustments");
    Path file = dir.resolve("acme-posting-rules.yaml");
    Files.writeString(file, TableYaml.text(tree), StandardCharsets.UTF_8);

    ParsedPostingTable parsed = PostingTable.read(file);
    assertThat(parsed.errors()).isEmpty();
    PostingRules tenant = PostingRules.with(parsed.table());

    Match chargeback =
        match(T, "L3:b", MatchLevel.L3, pspTxn("cb", "CHARGEBACK", -3_000, 1_500, "USD", "adyen"));
    assertThat(lines(single(tenant.book(chargeback))))
        .containsExactly(
            "Dr psp_adjustments 3000 USD",
            "Dr psp_fees 1500 USD",
            "Cr psp_receivable:adyen 4500 USD");
    Match reversal =
        match(
            T,
            "L3:c",
            MatchLevel.L3,
            pspTxn("cbr", "CHARGEBACK_REVERSAL", 3_000, 0, "USD", "adyen"));
    assertThat(lines(single(tenant.book(reversal))))
        .containsExactly("Dr psp_receivable:adyen 3000 USD", "Cr psp_adjustments 3000 USD");
    // The default is untouched.
    assertThat(lines(single(PostingRules.entriesFor(chargeback))))
        .startsWith("Dr chargeback_losses 3000 USD");
  }

  @Test
  void aTenantFallbackParksAMissingBankAccountAndTheEntrySaysSo() {
    ObjectNode tree = defaultTree();
    leg(tree, "CASH BANK_LINE ANY", 0)
        .putObject("when_missing")
        .put("account", "suspense")
        .put("note", "bank line without account, parked");
    PostingRules tenant = PostingRules.with(table(tree));

    JournalEntry e =
        single(
            tenant.book(
                match(
                    T,
                    "L4:b",
                    MatchLevel.L4,
                    payout("b", 900, "USD", "adyen"),
                    bankLine("s1", 900, "USD", null))));
    assertThat(lines(e)).containsExactly("Dr suspense 900 USD", "Cr bank_in_transit 900 USD");
    assertThat(e.getDescription()).endsWith("; bank line without account, parked");
  }

  @Test
  void aTenantFxConversionBooksThroughItsOwnLegs() {
    ObjectNode tree = defaultTree();
    // Book the converted amount as net only: the fee leaves in the settlement currency anyway.
    ((ObjectNode) tree.get("fx_conversion").get("legs").get(1)).put("amount", "net");
    PostingRules tenant = PostingRules.with(table(tree));

    Match converted =
        match(
            T,
            "L3:b",
            MatchLevel.L3,
            pspFxTxn("c3", "CAPTURE", 150_000, "JPY", 300, 99_700, "USD", "adyen"));
    assertThat(lines(single(tenant.book(converted))))
        .containsExactly(
            "Dr fx_conversion 150000 JPY",
            "Dr psp_fees 300 USD",
            "Dr psp_receivable:adyen 99700 USD",
            "Cr fx_conversion 99700 USD",
            "Cr psp_receivable:adyen 150000 JPY",
            "Cr psp_receivable:adyen 300 USD");
  }

  @Test
  void tenantRulesSurviveJavaSerializationAsFlinkShipsThem() throws Exception {
    ObjectNode tree = defaultTree();
    leg(tree, "SETTLEMENT PSP_TXN CHARGEBACK", 0).put("debit", "psp_adjustments");
    PostingRules tenant = PostingRules.with(table(tree));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tenant);
    }
    PostingRules copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (PostingRules) in.readObject();
    }

    List<Match> matches = new ArrayList<>(AdyenLikeCycle.matches("acme", "B42", APPROVED));
    matches.add(
        match(T, "L3:b", MatchLevel.L3, pspTxn("cb", "CHARGEBACK", -3_000, 0, "USD", "adyen")));
    for (Match m : matches) {
      assertThat(copy.book(m)).isEqualTo(tenant.book(m));
    }
    assertThat(copy.table().rules()).isEqualTo(tenant.table().rules());
  }

  private static PostingTable table(ObjectNode tree) {
    ParsedPostingTable parsed = PostingTable.parse(TableYaml.text(tree));
    assertThat(parsed.errors()).isEmpty();
    return parsed.table();
  }

  private static JournalEntry single(List<JournalEntry> entries) {
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }
}
