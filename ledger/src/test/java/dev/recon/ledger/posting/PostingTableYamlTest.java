package dev.recon.ledger.posting;

import static dev.recon.ledger.posting.TableYaml.defaultText;
import static dev.recon.ledger.posting.TableYaml.defaultTree;
import static dev.recon.ledger.posting.TableYaml.indexOf;
import static dev.recon.ledger.posting.TableYaml.leg;
import static dev.recon.ledger.posting.TableYaml.rule;
import static dev.recon.ledger.posting.TableYaml.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostingTableYamlTest {

  private static final String CHARGEBACK = "SETTLEMENT PSP_TXN CHARGEBACK";
  private static final String BANK_LINE = "CASH BANK_LINE ANY";

  /** The errors of the default table edited so. */
  private static List<String> errorsOf(Consumer<ObjectNode> edit) {
    ObjectNode tree = defaultTree();
    edit.accept(tree);
    ParsedPostingTable parsed = PostingTable.parse(TableYaml.text(tree));
    assertThat(parsed.isValid()).as("edited table must be invalid").isFalse();
    assertThat(parsed.table()).isNull();
    return parsed.errors().stream().map(PostingTableError::toString).toList();
  }

  private static String at(String key, String rest) {
    return "rules[" + indexOf(defaultTree(), key) + "]" + rest;
  }

  @Test
  void theDefaultTableIsValidAndHasExactlyTheRequiredRules() {
    ParsedPostingTable parsed = PostingTable.parse(defaultText());
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.table().rules())
        .extracting(PostingRule::key)
        .containsExactlyInAnyOrderElementsOf(PostingTable.requiredKeys());
    assertThat(parsed.table().fxConversion().legs()).hasSize(2);
    assertThat(PostingTable.defaultTable()).isSameAs(PostingTable.defaultTable());
  }

  @Nested
  class Accounts {

    @Test
    void unknownAccountName() {
      assertThat(errorsOf(t -> leg(t, CHARGEBACK, 0).put("debit", "chargeback_loss")))
          .singleElement(STRING)
          .startsWith(at(CHARGEBACK, ".legs[0].debit: "))
          .contains("not an account of the chart: chargeback_loss");
    }

    @Test
    void subAccountWithoutQualifierOrWithAQualifierItMustNotHave() {
      assertThat(errorsOf(t -> leg(t, CHARGEBACK, 0).put("credit", "psp_receivable")))
          .singleElement(STRING)
          .startsWith(at(CHARGEBACK, ".legs[0].credit: "))
          .contains("needs a qualifier");
      assertThat(errorsOf(t -> leg(t, CHARGEBACK, 0).put("debit", "psp_fees:adyen")))
          .singleElement(STRING)
          .contains("takes no qualifier");
    }

    @Test
    void aFixedQualifiedAccountOfTheChartIsAnAccount() {
      ObjectNode tree = defaultTree();
      leg(tree, CHARGEBACK, 0).put("debit", "bank:NL91ABNA0417164300");
      assertThat(PostingTable.parse(TableYaml.text(tree)).errors()).isEmpty();
    }

    @Test
    void unknownTemplate() {
      assertThat(errorsOf(t -> leg(t, CHARGEBACK, 0).put("credit", "psp_receivable:{merchant}")))
          .singleElement(STRING)
          .startsWith(at(CHARGEBACK, ".legs[0].credit: unknown template"))
          .contains("psp_receivable:{psp}", "bank:{bank_account}");
      assertThat(errorsOf(t -> leg(t, CHARGEBACK, 0).put("credit", "bank:{psp}")))
          .singleElement(STRING)
          .contains("unknown template 'bank:{psp}'");
    }

    @Test
    void templateWhoseFieldTheMemberDoesNotCarry() {
      assertThat(errorsOf(t -> leg(t, BANK_LINE, 0).put("credit", "psp_receivable:{psp}")))
          .containsExactly(
              at(BANK_LINE, ".legs[0].credit: BANK_LINE members carry no psp")
                  + " for psp_receivable:{psp}");
    }

    @Test
    void aLegFromAnAccountToItself() {
      assertThat(errorsOf(t -> leg(t, CHARGEBACK, 0).put("debit", "psp_receivable:{psp}")))
          .containsExactly(
              at(CHARGEBACK, ".legs[0].credit: the same account as debit: the leg would book")
                  + " nothing");
    }

    @Test
    void fallbacks() {
      String writeOff = "WRITE_OFF PSP_TXN ANY";
      assertThat(
              errorsOf(
                  t -> ((ObjectNode) leg(t, writeOff, 0).get("when_missing")).put("account", "x")))
          .containsExactly(
              at(writeOff, ".legs[0].when_missing.account: not an account") + " of the chart: x");
      assertThat(
              errorsOf(
                  t ->
                      leg(t, "WRITE_OFF PAYOUT ANY", 0)
                          .set("when_missing", leg(t, writeOff, 0).get("when_missing").deepCopy())))
          .containsExactly(
              at("WRITE_OFF PAYOUT ANY", ".legs[0].when_missing: neither debit nor credit is a")
                  + " template: nothing can be missing");
      assertThat(
              errorsOf(t -> ((ObjectNode) leg(t, writeOff, 0).get("when_missing")).remove("note")))
          .containsExactly(at(writeOff, ".legs[0].when_missing.note: required"));
    }
  }

  @Nested
  class Keys {

    @Test
    void unknownEventType() {
      assertThat(errorsOf(t -> rule(t, CHARGEBACK).put("event", "DISPUTE")))
          .singleElement(STRING)
          .startsWith(at(CHARGEBACK, ".event: unknown event type 'DISPUTE'; expected one of"))
          .contains("CHARGEBACK_REVERSAL");
    }

    @Test
    void eventTypesOnlyWhereTheBookingBooksByThem() {
      assertThat(errorsOf(t -> rule(t, BANK_LINE).put("event", "CREDIT")))
          .containsExactly(
              at(BANK_LINE, ".event: CASH books BANK_LINE members by one rule: must be ANY"));
      assertThat(errorsOf(t -> rule(t, CHARGEBACK).put("event", "ANY")))
          .singleElement(STRING)
          .startsWith(at(CHARGEBACK, ".event: unknown event type 'ANY'"));
    }

    @Test
    void memberTheBookingDoesNotBook() {
      assertThat(errorsOf(t -> rule(t, BANK_LINE).put("member", "PSP_TXN")))
          .containsExactly(
              at(
                  BANK_LINE,
                  ".member: CASH books no PSP_TXN members; it books [PAYOUT, BANK_LINE]"));
      assertThat(errorsOf(t -> rule(t, BANK_LINE).put("booking", "REVERSAL")))
          .singleElement(STRING)
          .startsWith(at(BANK_LINE, ".booking: unknown value 'REVERSAL'"));
    }

    @Test
    void missingRulesAreEachReported() {
      assertThat(
              errorsOf(
                  t -> {
                    rules(t).remove(indexOf(t, "SETTLEMENT PSP_TXN CHARGEBACK_REVERSAL"));
                    rules(t).remove(indexOf(t, BANK_LINE));
                  }))
          .containsExactly(
              "rules: no rule for SETTLEMENT PSP_TXN CHARGEBACK_REVERSAL",
              "rules: no rule for CASH BANK_LINE ANY");
    }

    @Test
    void duplicates() {
      int first = indexOf(defaultTree(), CHARGEBACK);
      int count = rules(defaultTree()).size();
      assertThat(errorsOf(t -> rules(t).add(rule(t, CHARGEBACK).deepCopy())))
          .containsExactly(
              "rules[" + count + "]: duplicate of rules[" + first + "]: " + CHARGEBACK);
    }

    @Test
    void eventTypesAreReadInAnyCase() {
      ObjectNode tree = defaultTree();
      leg(tree, CHARGEBACK, 0).put("sign", "NEGATED").put("amount", "Gross");
      rule(tree, CHARGEBACK).put("event", "chargeback").put("member", "psp_txn");
      assertThat(PostingTable.parse(TableYaml.text(tree)).errors()).isEmpty();
    }
  }

  @Nested
  class Legs {

    @Test
    void feeNetAndConvertedOnlyForPspRowsOfCaptureAndSettlement() {
      assertThat(errorsOf(t -> leg(t, BANK_LINE, 0).put("amount", "fee")))
          .singleElement(STRING)
          .startsWith(at(BANK_LINE, ".legs[0].amount: only PSP_TXN members"));
      ObjectNode tree = defaultTree();
      leg(tree, CHARGEBACK, 0).put("amount", "net");
      assertThat(PostingTable.parse(TableYaml.text(tree)).errors()).isEmpty();
    }

    @Test
    void requiredFieldsAndKnownValues() {
      assertThat(
              errorsOf(
                  t -> {
                    leg(t, CHARGEBACK, 0).remove("sign");
                    leg(t, CHARGEBACK, 1).put("amount", "tax");
                    leg(t, CHARGEBACK, 1).put("colour", "red");
                    rule(t, CHARGEBACK).remove("description");
                  }))
          .containsExactly(
              at(CHARGEBACK, ".description: required"),
              at(CHARGEBACK, ".legs[0].sign: required, one of [REPORTED, NEGATED]"),
              at(CHARGEBACK, ".legs[1].colour: unknown key; known: ")
                  + "[amount, credit, debit, sign, when_missing]",
              at(CHARGEBACK, ".legs[1].amount: unknown value 'tax'; expected one of ")
                  + "[GROSS, FEE, NET, CONVERTED]");
    }

    @Test
    void legsAreRequiredAndLimited() {
      assertThat(errorsOf(t -> rule(t, CHARGEBACK).remove("legs")))
          .containsExactly(at(CHARGEBACK, ".legs: required, a list of legs ([] books nothing)"));
      assertThat(
              errorsOf(
                  t -> {
                    var legs = rule(t, CHARGEBACK).withArray("legs");
                    while (legs.size() <= PostingTableYaml.MAX_LEGS) {
                      legs.add(legs.get(0).deepCopy());
                    }
                  }))
          .containsExactly(
              at(CHARGEBACK, ".legs: more than " + PostingTableYaml.MAX_LEGS + " legs"));
    }

    @Test
    void descriptionsAreOneLine() {
      String tooLong = "x".repeat(PostingTableYaml.MAX_TEXT_CHARS + 1);
      assertThat(errorsOf(t -> rule(t, CHARGEBACK).put("description", tooLong)))
          .containsExactly(
              at(CHARGEBACK, ".description: longer than " + PostingTableYaml.MAX_TEXT_CHARS)
                  + " characters");
    }

    @Test
    void fxConversionIsRequiredWithLegs() {
      assertThat(errorsOf(t -> t.remove("fx_conversion")))
          .containsExactly("fx_conversion: required, a mapping with description and legs");
      assertThat(errorsOf(t -> ((ObjectNode) t.get("fx_conversion")).putArray("legs")))
          .containsExactly("fx_conversion.legs: at least one leg");
      assertThat(
              errorsOf(
                  t ->
                      ((ObjectNode) t.get("fx_conversion").get("legs").get(0))
                          .put("debit", "fx_conversions")))
          .singleElement(STRING)
          .startsWith("fx_conversion.legs[0].debit: not an account of the chart");
    }
  }

  @Nested
  class File {

    @Test
    void notYamlNotAMappingDuplicateKeysWrongVersion() {
      assertThat(PostingTable.parse("rules: [").errors())
          .singleElement()
          .satisfies(e -> assertThat(e.message()).startsWith("not valid YAML at line"));
      assertThat(PostingTable.parse("- a\n- b\n").errors())
          .extracting(PostingTableError::toString)
          .containsExactly(": expected a mapping with version, rules and fx_conversion");
      assertThat(PostingTable.parse(defaultText() + "version: 1\n").errors())
          .singleElement()
          .satisfies(e -> assertThat(e.message()).contains("Duplicate field 'version'"));
      assertThat(errorsOf(t -> t.put("version", 2)))
          .containsExactly("version: required, must be 1");
      assertThat(errorsOf(t -> t.put("tenant", "acme")))
          .containsExactly("tenant: unknown key; known: [fx_conversion, rules, version]");
    }

    @Test
    void everyErrorOfAFileIsReportedWithItsPath() {
      assertThat(
              errorsOf(
                  t -> {
                    t.remove("version");
                    leg(t, CHARGEBACK, 0).put("debit", "chargeback_loss");
                    rule(t, "CAPTURE PSP_TXN REFUND").put("event", "REFUNDED");
                    leg(t, BANK_LINE, 0).put("amount", "converted");
                    ((ObjectNode) t.get("fx_conversion")).remove("description");
                  }))
          .extracting(e -> e.substring(0, e.indexOf(": ")))
          .containsExactly(
              "version",
              at("CAPTURE PSP_TXN REFUND", ".event"),
              at(CHARGEBACK, ".legs[0].debit"),
              at(BANK_LINE, ".legs[0].amount"),
              "fx_conversion.description");
    }

    @Test
    void tooManyRules() {
      assertThat(
              errorsOf(
                  t -> {
                    while (rules(t).size() <= PostingTableYaml.MAX_RULES) {
                      rules(t).add(rules(t).get(0).deepCopy());
                    }
                  }))
          .containsExactly("rules: more than " + PostingTableYaml.MAX_RULES + " rules");
    }

    @Test
    void sizeLimitInCharacters() {
      String table = defaultText();
      String atLimit = table + "#".repeat(PostingTableYaml.MAX_CHARS - table.length());
      assertThat(atLimit).hasSize(PostingTableYaml.MAX_CHARS);
      assertThat(PostingTable.parse(atLimit).errors()).isEmpty();
      assertThat(PostingTable.parse(atLimit + "#").errors())
          .extracting(PostingTableError::toString)
          .containsExactly(
              ": posting table longer than " + PostingTableYaml.MAX_CHARS + " characters");
    }

    @Test
    void readsAFileAndRefusesOneTooLargeBeforeReadingIt(@TempDir Path dir) throws IOException {
      Path table = dir.resolve("tenant-posting-rules.yaml");
      Files.writeString(table, defaultText(), StandardCharsets.UTF_8);
      assertThat(PostingTable.read(table).isValid()).isTrue();

      Path huge = dir.resolve("huge.yaml");
      Files.writeString(huge, "#".repeat(PostingTableYaml.MAX_BYTES + 1));
      assertThat(PostingTable.read(huge).errors())
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.message())
                      .isEqualTo(
                          "posting table larger than "
                              + PostingTableYaml.MAX_CHARS
                              + " characters"));

      Path justOver = dir.resolve("just-over.yaml");
      Files.writeString(justOver, "#".repeat(PostingTableYaml.MAX_CHARS + 1));
      assertThat(PostingTable.read(justOver).errors())
          .singleElement()
          .satisfies(e -> assertThat(e.message()).startsWith("posting table longer than"));
    }

    @Test
    void readsAStreamNoFurtherThanOneByteOverTheLimit() throws IOException {
      assertThat(
              PostingTable.read(stream(defaultText().getBytes(StandardCharsets.UTF_8))).isValid())
          .isTrue();

      // one byte over the limit is refused before parsing
      byte[] over = new byte[PostingTableYaml.MAX_BYTES + 1];
      Arrays.fill(over, (byte) '#');
      ByteArrayInputStream overStream = stream(over);
      assertThat(PostingTable.read(overStream).errors())
          .extracting(PostingTableError::message)
          .containsExactly(
              "posting table larger than " + PostingTableYaml.MAX_CHARS + " characters");

      byte[] endless = new byte[PostingTableYaml.MAX_BYTES * 2];
      Arrays.fill(endless, (byte) '#');
      ByteArrayInputStream endlessStream = stream(endless);
      PostingTable.read(endlessStream);
      assertThat(endlessStream.available()).isEqualTo(PostingTableYaml.MAX_BYTES - 1);
    }

    @Test
    void refusesTextThatIsNotUtf8() throws IOException {
      byte[] latin1 = "version: 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
      assertThat(PostingTable.read(stream(latin1)).errors())
          .extracting(PostingTableError::message)
          .containsExactly("not UTF-8 text");
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
      return new ByteArrayInputStream(bytes);
    }
  }
}
