package dev.recon.normalization.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recon.normalization.Fixtures;
import dev.recon.normalization.Parsers;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.ParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<JsonNode> inspect(Format format, String fixture) throws Exception {
    ParseResult r =
        Parsers.forFormat(format).parse(Fixtures.bytes(fixture), Fixtures.provenance(fixture));
    List<JsonNode> out = new java.util.ArrayList<>();
    for (var record : r.records()) {
      String line = InspectJson.toJsonLine(record);
      assertThat(line).doesNotContain("\n");
      out.add(MAPPER.readTree(line));
    }
    return out;
  }

  @Test
  void pspTransactionsAndPayouts() throws Exception {
    List<JsonNode> ns =
        inspect(Format.ADYEN_SETTLEMENT_DETAIL, "adyen/adyen_settlement_detail_batch_501.csv");
    JsonNode capture = ns.get(0);
    assertThat(capture.get("record_kind").asText()).isEqualTo("PSP_TXN");
    assertThat(capture.get("type").asText()).isEqualTo("CAPTURE");
    assertThat(capture.get("record_id").asText()).isEqualTo("8815000000000001");
    assertThat(capture.get("currency").asText()).isEqualTo("USD");
    assertThat(capture.get("amount_minor").asLong()).isEqualTo(10000);
    assertThat(capture.get("fee_minor").asLong()).isEqualTo(190);
    assertThat(capture.get("net_minor").asLong()).isEqualTo(9810);
    assertThat(capture.get("net_currency").asText()).isEqualTo("USD");
    assertThat(capture.get("payout_id").asText()).isEqualTo("501");
    assertThat(capture.get("event_date").asText()).isEqualTo("2025-03-03");
    assertThat(capture.get("source_line").asInt()).isEqualTo(2);
    assertThat(capture.get("psp").asText()).isEqualTo("adyen");
    assertThat(capture.get("merchant_reference").asText()).isEqualTo("ORD-1001");
    assertThat(capture.get("psp_reference").asText()).isEqualTo("8815000000000001");
    assertThat(capture.has("bank_reference")).isFalse();

    JsonNode fee = ns.get(6);
    assertThat(fee.get("type").asText()).isEqualTo("FEE");
    assertThat(fee.get("amount_minor").asLong()).isEqualTo(-250);
    assertThat(fee.has("merchant_reference")).isFalse();

    JsonNode payout = ns.get(11);
    assertThat(payout.get("record_kind").asText()).isEqualTo("PAYOUT");
    assertThat(payout.get("type").asText()).isEqualTo("PAYOUT");
    assertThat(payout.get("record_id").asText()).isEqualTo("501-USD");
    assertThat(payout.get("amount_minor").asLong()).isEqualTo(9830);
    assertThat(payout.get("bank_reference").asText())
        .isEqualTo("TX12345678901XT batch 501, AcmeShopEU");
  }

  @Test
  void stripeTransactionsAndPayouts() throws Exception {
    List<JsonNode> ns =
        inspect(Format.STRIPE_ITEMIZED, "stripe/stripe_payout_reconciliation_itemized.csv");
    JsonNode refund = ns.get(1);
    assertThat(refund.get("record_kind").asText()).isEqualTo("PSP_TXN");
    assertThat(refund.get("type").asText()).isEqualTo("REFUND");
    assertThat(refund.get("record_id").asText()).isEqualTo("re_3A02");
    assertThat(refund.get("currency").asText()).isEqualTo("EUR");
    assertThat(refund.get("amount_minor").asLong()).isEqualTo(-4000);
    assertThat(refund.get("fee_minor").asLong()).isEqualTo(-50);
    assertThat(refund.get("net_minor").asLong()).isEqualTo(-3950);
    assertThat(refund.get("payout_id").asText()).isEqualTo("po_1Tq9ZZ");
    assertThat(refund.get("event_date").asText()).isEqualTo("2025-03-04");
    assertThat(refund.get("source_line").asInt()).isEqualTo(3);
    assertThat(refund.get("psp").asText()).isEqualTo("stripe");

    JsonNode payout =
        inspect(Format.STRIPE_ITEMIZED, "stripe/stripe_balance_change_crlf_no_final_newline.csv")
            .get(1);
    assertThat(payout.get("record_kind").asText()).isEqualTo("PAYOUT");
    assertThat(payout.get("type").asText()).isEqualTo("PAYOUT");
    assertThat(payout.get("record_id").asText()).isEqualTo("po_B2");
    assertThat(payout.get("amount_minor").asLong()).isEqualTo(971);
    assertThat(payout.get("event_date").asText()).isEqualTo("2025-03-05");
  }

  @Test
  void expectedPayments() throws Exception {
    JsonNode n = inspect(Format.EXPECTED_PAYMENTS_CSV, "expected/expected_basic.csv").get(1);
    assertThat(n.get("record_kind").asText()).isEqualTo("EXPECTED");
    assertThat(n.get("type").asText()).isEqualTo("EXPECTED");
    assertThat(n.get("record_id").asText()).isEqualTo("EXP-1002");
    assertThat(n.get("amount_minor").asLong()).isEqualTo(5000);
    assertThat(n.get("currency").asText()).isEqualTo("JPY");
    assertThat(n.get("fee_minor").asLong()).isZero();
    assertThat(n.get("payout_id").isNull()).isTrue();
    assertThat(n.get("event_date").asText()).isEqualTo("2025-03-03");
    assertThat(n.get("source_line").asInt()).isEqualTo(3);
    assertThat(n.get("amount_min_minor").asLong()).isEqualTo(4990);
  }

  @Test
  void bankLines() throws Exception {
    List<JsonNode> ns = inspect(Format.CAMT_053, "camt053/camt053_v02_two_statements.xml");
    JsonNode credit = ns.get(0);
    assertThat(credit.get("record_kind").asText()).isEqualTo("BANK_LINE");
    assertThat(credit.get("type").asText()).isEqualTo("CREDIT");
    assertThat(credit.get("record_id").asText()).isEqualTo("BANKREF-0001");
    assertThat(credit.get("event_date").asText()).isEqualTo("2025-03-04");
    assertThat(credit.get("references").get(0).asText()).isEqualTo("BANKREF-0001");
    JsonNode debit = ns.get(1);
    assertThat(debit.get("type").asText()).isEqualTo("DEBIT");
    assertThat(debit.get("amount_minor").asLong()).isEqualTo(-1280);
    assertThat(debit.get("value_date").asText()).isEqualTo("2025-03-05");
    assertThat(debit.get("source_line").asInt()).isEqualTo(2);
  }

  @Test
  void mt940BankLines() throws Exception {
    List<JsonNode> ns = inspect(Format.MT940, "mt940/mt940_envelope_two_messages_crlf.sta");
    JsonNode credit = ns.get(0);
    assertThat(credit.get("record_kind").asText()).isEqualTo("BANK_LINE");
    assertThat(credit.get("type").asText()).isEqualTo("CREDIT");
    assertThat(credit.get("record_id").asText()).isEqualTo("BK0001");
    assertThat(credit.get("amount_minor").asLong()).isEqualTo(25000);
    assertThat(credit.get("event_date").asText()).isEqualTo("2026-01-02");
    assertThat(credit.get("value_date").asText()).isEqualTo("2025-12-31");
    assertThat(credit.get("source_line").asInt()).isEqualTo(6);
    JsonNode reversedCredit = ns.get(3);
    assertThat(reversedCredit.get("type").asText()).isEqualTo("DEBIT");
    assertThat(reversedCredit.get("amount_minor").asLong()).isEqualTo(-4000);
    assertThat(reversedCredit.get("reversal").asBoolean()).isTrue();
  }

  @Test
  void bai2BankLines() throws Exception {
    List<JsonNode> ns = inspect(Format.BAI2, "bai2/bai2_two_accounts_crlf.txt");
    JsonNode credit = ns.get(0);
    assertThat(credit.get("record_kind").asText()).isEqualTo("BANK_LINE");
    assertThat(credit.get("type").asText()).isEqualTo("CREDIT");
    assertThat(credit.get("record_id").asText()).isEqualTo("BR-0001");
    assertThat(credit.get("currency").asText()).isEqualTo("EUR");
    assertThat(credit.get("amount_minor").asLong()).isEqualTo(10000);
    assertThat(credit.get("event_date").asText()).isEqualTo("2025-03-04");
    assertThat(credit.get("value_date").asText()).isEqualTo("2025-03-03");
    assertThat(credit.get("bank_tx_code").asText()).isEqualTo("195");
    assertThat(credit.get("source_line").asInt()).isEqualTo(5);
    JsonNode debit = ns.get(2);
    assertThat(debit.get("type").asText()).isEqualTo("DEBIT");
    assertThat(debit.get("amount_minor").asLong()).isEqualTo(-2500);
  }

  @Test
  void keyOrderIsStable() {
    ParseResult r =
        Parsers.forFormat(Format.EXPECTED_PAYMENTS_CSV)
            .parse(Fixtures.bytes("expected/expected_basic.csv"), Fixtures.provenance("e.csv"));
    assertThat(InspectJson.toJsonLine(r.records().get(0)))
        .startsWith(
            "{\"record_kind\":\"EXPECTED\",\"type\":\"EXPECTED\",\"record_id\":\"EXP-1001\","
                + "\"currency\":\"USD\",\"amount_minor\":10000,\"fee_minor\":0,\"payout_id\":null,"
                + "\"event_date\":\"2025-03-03\",\"source_line\":2,");
  }

  @Test
  void refusesNonCanonicalRecords() {
    assertThatThrownBy(() -> InspectJson.toJsonLine(Fixtures.provenance("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
