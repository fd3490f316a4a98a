package dev.recon.normalization.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.normalization.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormatDetectorTest {

  @ParameterizedTest
  @CsvSource({
    "expected/expected_basic.csv, EXPECTED_PAYMENTS_CSV",
    "expected/expected_bom_crlf_reordered.csv, EXPECTED_PAYMENTS_CSV",
    "expected/expected_windows1252.csv, EXPECTED_PAYMENTS_CSV",
    "expected/expected_bad_rows.csv, EXPECTED_PAYMENTS_CSV",
    "adyen/adyen_settlement_detail_batch_501.csv, ADYEN_SETTLEMENT_DETAIL",
    "adyen/adyen_settlement_detail_reordered_crlf.csv, ADYEN_SETTLEMENT_DETAIL",
    "camt053/camt053_v02_two_statements.xml, CAMT_053",
    "camt053/camt053_v08_mismatch.xml, CAMT_053",
    "camt053/camt053_xxe.xml, CAMT_053",
    "stripe/stripe_payout_reconciliation_itemized.csv, STRIPE_ITEMIZED",
    "stripe/stripe_balance_change_crlf_no_final_newline.csv, STRIPE_ITEMIZED",
    "stripe/stripe_payouts_itemized.csv, STRIPE_ITEMIZED",
    "stripe/stripe_bad_rows.csv, STRIPE_ITEMIZED",
    "mt940/mt940_envelope_two_messages_crlf.sta, MT940",
    "mt940/mt940_split_sequences_cp1252_no_final_newline.sta, MT940",
    "mt940/mt940_bad_lines.sta, MT940",
    "bai2/bai2_two_accounts_crlf.txt, BAI2",
    "bai2/bai2_not_footing_lf_no_final_newline.txt, BAI2",
    "bai2/bai2_bad_records.txt, BAI2",
    "paypal/paypal_stl_two_sections.csv, PAYPAL_STL",
    "paypal/paypal_stl_not_footing_bad_rows.csv, PAYPAL_STL"
  })
  void detectsFromContent(String fixture, Format expected) {
    assertThat(FormatDetector.detect(Fixtures.bytes(fixture))).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "date,description,value\n1,2,3\n",
        "created,currency,gross,reporting_category\n",
        ":20:only a reference\n",
        "01,a,b,c\n03,x\n",
        "<Document><BkToCstmrAcctRpt/></Document>",
        "",
        "\"unterminated",
        "{\"json\": true}"
      })
  void unknownContentIsEmpty(String content) {
    assertThat(FormatDetector.detect(content.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void headTruncatedInsideAMultiByteCharacterStillDetects() {
    byte[] csv =
        ("expected_id,merchant_reference,psp,amount,currency,expected_at,description\n"
                + "E1,M1,adyen,1.00,EUR,2025-03-05,Café")
            .getBytes(StandardCharsets.UTF_8);
    byte[] cut = java.util.Arrays.copyOf(csv, csv.length - 1);
    assertThat(FormatDetector.detect(cut)).contains(Format.EXPECTED_PAYMENTS_CSV);
  }

  @Test
  void mt940InASingleLineEnvelopeIsDetected() {
    byte[] mt940 =
        "{1:F01BANKDEFFXXXX0000000000}{2:O940}{4::20:R\r\n:25:A\r\n:60F:C250301EUR1,00\r\n-}"
            .getBytes(StandardCharsets.US_ASCII);
    assertThat(FormatDetector.detect(mt940)).contains(Format.MT940);
  }

  @Test
  void unknownFormatMessageShowsTheMaskedFirstLine() {
    byte[] head = Fixtures.bytes("other/unknown_bank_export.csv");
    assertThat(FormatDetector.unknownFormatMessage("unknown_bank_export.csv", head))
        .isEqualTo("unknown format: unknown_bank_export.csv, first line: date,description,value");
    assertThat(
            FormatDetector.unknownFormatMessage(
                "f", "jane.doe@example.com;4111111111111111\n".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("unknown format: f, first line: ***@***;****1111");
    assertThat(FormatDetector.unknownFormatMessage("f", new byte[0]))
        .isEqualTo("unknown format: f, first line: (empty)");
  }
}
