package dev.recon.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotpKeyringTest {

  private final TotpKey oldKey = TotpKey.generate();
  private final TotpKey newKey = TotpKey.generate();
  private final TotpSecret secret = TotpSecret.generate();

  @Test
  void sealsAndOpensForTheSameUser() {
    TotpKeyring ring = TotpKeyring.of(newKey);
    SealedTotpSecret sealed = ring.seal(42, secret);
    assertThat(sealed.keyId()).isEqualTo(newKey.id());
    assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(secret.base32());
    assertThat(ring.open(42, sealed)).isEqualTo(new TotpSecretOpening.Opened(secret, false));
  }

  @Test
  void eachSealingHasItsOwnNonce() {
    TotpKeyring ring = TotpKeyring.of(newKey);
    SealedTotpSecret a = ring.seal(42, secret);
    SealedTotpSecret b = ring.seal(42, secret);
    assertThat(a.nonce()).isNotEqualTo(b.nonce());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
  }

  @Test
  void aKeyOutsideTheRingDoesNotOpen() {
    SealedTotpSecret sealed = TotpKeyring.of(oldKey).seal(42, secret);
    assertThat(TotpKeyring.of(newKey).open(42, sealed))
        .isEqualTo(new TotpSecretOpening.UnknownKey(oldKey.id()));
  }

  @Test
  void aWrongKeyUnderTheRightIdIsRefused() {
    SealedTotpSecret byOld = TotpKeyring.of(oldKey).seal(42, secret);
    SealedTotpSecret relabelled =
        new SealedTotpSecret(newKey.id(), byOld.nonce(), byOld.ciphertext());
    assertThat(TotpKeyring.of(newKey).open(42, relabelled))
        .isEqualTo(new TotpSecretOpening.Refused(newKey.id()));
  }

  @Test
  void aTamperedCiphertextOrNonceIsRefused() {
    TotpKeyring ring = TotpKeyring.of(newKey);
    SealedTotpSecret sealed = ring.seal(42, secret);
    byte[] ciphertext = sealed.ciphertext();
    ciphertext[0] ^= 1;
    byte[] nonce = sealed.nonce();
    nonce[11] ^= (byte) 0x80;
    assertThat(ring.open(42, new SealedTotpSecret(sealed.keyId(), sealed.nonce(), ciphertext)))
        .isInstanceOf(TotpSecretOpening.Refused.class);
    assertThat(ring.open(42, new SealedTotpSecret(sealed.keyId(), nonce, sealed.ciphertext())))
        .isInstanceOf(TotpSecretOpening.Refused.class);
    byte[] truncated = java.util.Arrays.copyOf(sealed.ciphertext(), sealed.ciphertext().length - 1);
    assertThat(ring.open(42, new SealedTotpSecret(sealed.keyId(), sealed.nonce(), truncated)))
        .isInstanceOf(TotpSecretOpening.Refused.class);
  }

  @Test
  void aCiphertextMovedToAnotherUserIsRefused() {
    TotpKeyring ring = TotpKeyring.of(newKey);
    SealedTotpSecret sealed = ring.seal(42, secret);
    assertThat(ring.open(43, sealed)).isEqualTo(new TotpSecretOpening.Refused(newKey.id()));
    assertThat(ring.open(-42, sealed)).isInstanceOf(TotpSecretOpening.Refused.class);
  }

  @Test
  void afterRotationTheOldKeyOpensAndTheNewKeySeals() {
    SealedTotpSecret byOld = TotpKeyring.of(oldKey).seal(7, secret);
    TotpKeyring rotated = TotpKeyring.of(newKey, List.of(oldKey));
    assertThat(rotated.keyIds()).containsExactly(newKey.id(), oldKey.id());
    assertThat(rotated.open(7, byOld)).isEqualTo(new TotpSecretOpening.Opened(secret, true));

    SealedTotpSecret resealed = rotated.seal(7, secret);
    assertThat(resealed.keyId()).isEqualTo(newKey.id());
    assertThat(rotated.open(7, resealed)).isEqualTo(new TotpSecretOpening.Opened(secret, false));
    // once the old key is retired, only what was re-sealed opens
    TotpKeyring retired = TotpKeyring.of(newKey);
    assertThat(retired.open(7, resealed)).isEqualTo(new TotpSecretOpening.Opened(secret, false));
    assertThat(retired.open(7, byOld)).isInstanceOf(TotpSecretOpening.UnknownKey.class);
  }

  @Test
  void theRingHoldsFewOlderKeys() {
    List<TotpKey> many =
        java.util.stream.Stream.generate(TotpKey::generate)
            .limit(TotpKeyring.MAX_OLDER_KEYS + 1)
            .toList();
    assertThatThrownBy(() -> TotpKeyring.of(newKey, many))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most " + TotpKeyring.MAX_OLDER_KEYS);
    assertThat(TotpKeyring.of(newKey, List.of(newKey)).keyIds()).containsExactly(newKey.id());
  }

  @Test
  void keysAreThirtyTwoBytesOfBase64() {
    TotpKey key = TotpKey.fromBase64(newKey.toBase64());
    assertThat(key).isEqualTo(newKey);
    assertThat(key.id()).isEqualTo(newKey.id()).matches("[0-9a-f]{16}");
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
    assertThat(TotpKey.fromBase64(urlSafe).id()).isEqualTo(TotpKey.of(new byte[32]).id());

    String short16 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> TotpKey.fromBase64(short16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be 32 bytes")
        .hasMessageContaining("16 bytes")
        .hasMessageNotContaining(short16);
    String long48 = Base64.getEncoder().encodeToString(new byte[48]);
    assertThatThrownBy(() -> TotpKey.fromBase64(long48)).hasMessageContaining("48 bytes");
    assertThatThrownBy(() -> TotpKey.fromBase64("not base64 at all!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not base64")
        .hasMessageNotContaining("at all");
    assertThatThrownBy(() -> TotpKey.fromBase64(" ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> TotpKey.of(new byte[31])).hasMessageContaining("31 bytes");
  }

  @Test
  void noKeyOrSecretIsShownInText() {
    TotpKeyring ring = TotpKeyring.of(newKey, List.of(oldKey));
    SealedTotpSecret sealed = ring.seal(1, secret);
    String shown = newKey + " " + ring + " " + sealed + " " + ring.open(1, sealed) + " " + secret;
    assertThat(shown)
        .doesNotContain(newKey.toBase64())
        .doesNotContain(oldKey.toBase64())
        .doesNotContain(secret.base32())
        .contains(newKey.id());
  }

  @Test
  void sealedValuesRefuseImpossibleShapes() {
    assertThatThrownBy(() -> new SealedTotpSecret("k", new byte[11], new byte[40]))
        .hasMessageContaining("nonce");
    assertThatThrownBy(() -> new SealedTotpSecret("k", new byte[12], new byte[16]))
        .hasMessageContaining("ciphertext");
    assertThatThrownBy(
            () ->
                new SealedTotpSecret(
                    "k", new byte[12], new byte[SealedTotpSecret.MAX_CIPHERTEXT_BYTES + 1]))
        .hasMessageContaining("ciphertext");
    assertThatThrownBy(() -> new SealedTotpSecret("", new byte[12], new byte[40]))
        .hasMessageContaining("key id");
  }
}
