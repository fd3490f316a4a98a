package dev.recon.ingestion.webhook.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.ingestion.webhook.signature.SignatureVerdict.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each vector was checked outside Java: {@code printf '%s' "$signingString" | openssl dgst -sha256
 * -mac HMAC -macopt hexkey:$key -binary | base64}. The first is Adyen's published example, the
 * colon one is Adyen's own library test for a merchant reference with a colon, the last is ours.
 */
class AdyenSignatureTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String DOC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
  static final String OUR_KEY = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

  static ObjectNode item(
      String psp,
      String merchantAccount,
      String merchantReference,
      long value,
      String currency,
      String eventCode,
      String success,
      String hmac) {
    ObjectNode item = JSON.createObjectNode();
    item.put("pspReference", psp);
    item.put("merchantAccountCode", merchantAccount);
    item.put("merchantReference", merchantReference);
    item.putObject("amount").put("value", value).put("currency", currency);
    item.put("eventCode", eventCode);
    item.put("success", success);
    item.put("reason", "");
    if (hmac != null) {
      item.putObject("additionalData").put("hmacSignature", hmac);
    }
    return item;
  }

  static JsonNode notification(ObjectNode... items) {
    ObjectNode root = JSON.createObjectNode().put("live", "false");
    ArrayNode array = root.putArray("notificationItems");
    for (ObjectNode item : items) {
      array.addObject().set("NotificationRequestItem", item);
    }
    return root;
  }

  static ObjectNode documented() {
    return item(
        "7914073381342284",
        "TestMerchant",
        "TestPayment-1407325143704",
        1130,
        "EUR",
        "AUTHORISATION",
        "true",
        "coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0=");
  }

  static ObjectNode ours() {
    return item(
        "RECON000000000001",
        "ReconMerchant",
        "order-42",
        2599,
        "USD",
        "CAPTURE",
        "true",
        "GjyX84mr0rYpBPTYPPR723+2N+kuCqXavmCmG/yZdLY=");
  }

  static List<byte[]> keys(String... hex) {
    return java.util.Arrays.stream(hex).map(AdyenSignature::keyFromHex).toList();
  }

  @Test
  void adyensPublishedExampleVerifies() {
    assertThat(AdyenSignature.signingString(documented()))
        .isEqualTo(
            "7914073381342284::TestMerchant:TestPayment-1407325143704:1130:EUR:AUTHORISATION:true");
    assertThat(AdyenSignature.verify(notification(documented()), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.VALID);
  }

  @Test
  void ourOwnVectorVerifiesWithALowerCaseKeyToo() {
    assertThat(
            AdyenSignature.verify(
                    notification(ours()), keys(OUR_KEY.toLowerCase(java.util.Locale.ROOT)))
                .kind())
        .isEqualTo(Kind.VALID);
  }

  @Test
  void aColonInAValueIsSignedUnescaped() {
    ObjectNode item =
        item(
            "TEST_CUSTOM_7914073381342284",
            "PHPApiLibrary",
            "auth:123",
            113000,
            "EUR",
            "AUTHORISATION",
            "true",
            "ovT21mqdbQToGbWssIhnBXAlnkhgKuehtGwvYFf5h2Q=");
    item.put("originalReference", "");
    assertThat(AdyenSignature.signingString(item))
        .isEqualTo(
            "TEST_CUSTOM_7914073381342284::PHPApiLibrary:auth:123:113000:EUR:AUTHORISATION:true");
    assertThat(
            AdyenSignature.verify(
                    notification(item),
                    keys("C56F00E99723D90F65254B00746844BED11BCDD0DD42B26EC980DC1301C6CD20"))
                .kind())
        .isEqualTo(Kind.VALID);
  }

  @Test
  void aZeroAmountIsSignedAsZero() {
    ObjectNode refund =
        item(
            "7914073381342284",
            "TestMerchant",
            "TestPayment-1407325143704",
            0,
            "EUR",
            "REFUND",
            "true",
            "J7HhsgZo5KwqdB7LFZJV6rfQgp+RqC2kuYyw/3x3w+8=");
    assertThat(AdyenSignature.verify(notification(refund), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.VALID);
  }

  @Test
  void aChangedSignedFieldIsAMismatch() {
    ObjectNode tampered = documented();
    ((ObjectNode) tampered.get("amount")).put("value", 11300);
    assertThat(AdyenSignature.verify(notification(tampered), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MISMATCH);
    assertThat(AdyenSignature.verify(notification(documented()), keys(OUR_KEY)).kind())
        .isEqualTo(Kind.MISMATCH);
  }

  @Test
  void eitherOfTwoKeysVerifiesDuringRotation() {
    assertThat(AdyenSignature.verify(notification(ours()), keys(DOC_KEY, OUR_KEY)).kind())
        .isEqualTo(Kind.VALID);
  }

  @Test
  void everyItemOfABatchMustVerify() {
    assertThat(
            AdyenSignature.verify(notification(documented(), ours()), keys(DOC_KEY, OUR_KEY))
                .kind())
        .isEqualTo(Kind.VALID);
    assertThat(AdyenSignature.verify(notification(documented(), ours()), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MISMATCH);
  }

  @Test
  void missingOrUnreadableSignaturesAndNonNotificationsAreRefused() {
    ObjectNode unsigned = documented();
    unsigned.remove("additionalData");
    assertThat(AdyenSignature.verify(notification(unsigned), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MISSING);
    ObjectNode garbled = documented();
    ((ObjectNode) garbled.get("additionalData")).put("hmacSignature", "not base64!");
    assertThat(AdyenSignature.verify(notification(garbled), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MALFORMED);
    ObjectNode shortTag = documented();
    ((ObjectNode) shortTag.get("additionalData")).put("hmacSignature", "AAAA");
    assertThat(AdyenSignature.verify(notification(shortTag), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MALFORMED);
    assertThat(AdyenSignature.verify(JSON.createObjectNode(), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MALFORMED);
    assertThat(AdyenSignature.verify(notification(), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void theNumberOfItemsIsLimited() {
    ObjectNode[] items = new ObjectNode[AdyenNotificationItems.MAX_ITEMS + 1];
    java.util.Arrays.setAll(items, i -> documented());
    assertThat(AdyenSignature.verify(notification(items), keys(DOC_KEY)).kind())
        .isEqualTo(Kind.MALFORMED);
    assertThat(
            AdyenSignature.verify(
                    notification(java.util.Arrays.copyOf(items, AdyenNotificationItems.MAX_ITEMS)),
                    keys(DOC_KEY))
                .kind())
        .isEqualTo(Kind.VALID);
  }

  @Test
  void aKeyThatIsNotHexIsRefusedWithoutRepeatingIt() {
    assertThatThrownBy(() -> AdyenSignature.keyFromHex("s3cr3t-not-hex"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> AdyenSignature.keyFromHex("ABC"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
