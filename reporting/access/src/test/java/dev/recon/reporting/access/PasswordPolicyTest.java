package dev.recon.reporting.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private final PasswordPolicy policy = PasswordPolicy.standard();

  @Test
  void theShippedListIsLargeEnough() {
    assertThat(CommonPasswords.shipped().size())
        .isGreaterThanOrEqualTo(CommonPasswords.MIN_ENTRIES);
  }

  @Test
  void lengthBounds() {
    assertThat(policy.check("a".repeat(11))).contains(PasswordViolation.TOO_SHORT);
    assertThat(policy.check("kq7#Vr2!xw9Lp")).isEmpty();
    assertThat(policy.check("x".repeat(128))).isEmpty();
    assertThat(policy.check("x".repeat(129))).contains(PasswordViolation.TOO_LONG);
  }

  @Test
  void countsCodePointsNotUtf16Units() {
    // 11 emoji are 22 UTF-16 units but only 11 characters
    assertThat(policy.check("\uD83D\uDE00".repeat(11))).contains(PasswordViolation.TOO_SHORT);
  }

  @Test
  void refusesBreachedPasswordsOfAcceptableLength() {
    assertThat(CommonPasswords.shipped().contains("password")).isTrue();
    assertThat(policy.check("qwerty123456")).contains(PasswordViolation.COMMON);
    assertThat(policy.check("LeaveMeAlone")).contains(PasswordViolation.COMMON);
  }

  @Test
  void argon2idHashVerifiesOnlyTheRightPassword() {
    String hash = PasswordHasher.hash("correct horse battery".toCharArray());
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(PasswordHasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
    assertThat(PasswordHasher.verify("correct horse batterz".toCharArray(), hash)).isFalse();
    assertThat(PasswordHasher.verify("x".toCharArray(), "not a hash")).isFalse();
    assertThat(PasswordHasher.hash("same".toCharArray()))
        .isNotEqualTo(PasswordHasher.hash("same".toCharArray()));
  }
}
