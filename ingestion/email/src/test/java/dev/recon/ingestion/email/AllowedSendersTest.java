package dev.recon.ingestion.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedSendersTest {

  private final AllowedSenders senders =
      AllowedSenders.of(List.of("Reports@PSP.example", "@bank.example"));

  @Test
  void anExactAddressIsAllowedIgnoringCase() {
    assertThat(senders.check(List.of("reports@psp.example"), List.of()))
        .isEqualTo(new AllowedSenders.Verdict.Allowed("reports@psp.example"));
    assertThat(senders.check(List.of("REPORTS@psp.EXAMPLE"), List.of()))
        .isInstanceOf(AllowedSenders.Verdict.Allowed.class);
  }

  @Test
  void anotherAddressAtAnExactlyListedDomainIsRefused() {
    assertThat(senders.check(List.of("billing@psp.example"), List.of()))
        .isEqualTo(
            new AllowedSenders.Verdict.Refused(
                "sender at domain psp.example is not on the allowed list"));
  }

  @Test
  void aDomainEntryAllowsEveryAddressOfThatDomainButNotSubdomainsOrLookalikes() {
    assertThat(senders.check(List.of("statements@bank.example"), List.of()))
        .isInstanceOf(AllowedSenders.Verdict.Allowed.class);
    assertThat(senders.check(List.of("x@mail.bank.example"), List.of()))
        .isInstanceOf(AllowedSenders.Verdict.Refused.class);
    assertThat(senders.check(List.of("x@evilbank.example"), List.of()))
        .isInstanceOf(AllowedSenders.Verdict.Refused.class);
    assertThat(senders.check(List.of("x@bank.example.evil.test"), List.of()))
        .isInstanceOf(AllowedSenders.Verdict.Refused.class);
  }

  @Test
  void theRefusalNamesTheDomainOnlyNeverTheFullAddress() {
    var verdict = senders.check(List.of("jane.doe@evil.test"), List.of());
    assertThat(verdict).isInstanceOf(AllowedSenders.Verdict.Refused.class);
    assertThat(((AllowedSenders.Verdict.Refused) verdict).reason())
        .contains("evil.test")
        .doesNotContain("jane.doe");
  }

  @Test
  void exactlyOneFromAddressIsRequired() {
    assertThat(senders.check(List.of(), List.of()))
        .isEqualTo(
            new AllowedSenders.Verdict.Refused("expected exactly one From address, found 0"));
    assertThat(senders.check(List.of("a@bank.example", "b@bank.example"), List.of()))
        .isEqualTo(
            new AllowedSenders.Verdict.Refused("expected exactly one From address, found 2"));
  }

  @Test
  void aSenderHeaderOutsideTheListIsRefusedEvenWhenFromIsListed() {
    assertThat(senders.check(List.of("a@bank.example"), List.of("relay@bulk-mailer.test")))
        .isInstanceOf(AllowedSenders.Verdict.Refused.class);
    assertThat(senders.check(List.of("a@bank.example"), List.of("ops@bank.example")))
        .isInstanceOf(AllowedSenders.Verdict.Allowed.class);
    assertThat(
            senders.check(
                List.of("a@bank.example"), List.of("ops@bank.example", "ops2@bank.example")))
        .isInstanceOf(AllowedSenders.Verdict.Refused.class);
  }

  @Test
  void malformedAddressesAreRefused() {
    for (String bad :
        List.of(
            "no-at-sign",
            "@bank.example",
            "a@@bank.example",
            "a@bank",
            ".a@bank.example",
            "a..b@bank.example",
            "a b@bank.example",
            "a@bank.example\r\nBcc: x@y.z",
            "")) {
      assertThat(senders.check(List.of(bad), List.of()))
          .as(bad)
          .isInstanceOf(AllowedSenders.Verdict.Refused.class);
    }
    String tooLong = "a".repeat(AllowedSenders.MAX_ADDRESS_CHARS) + "@bank.example";
    assertThat(senders.check(List.of(tooLong), List.of()))
        .isInstanceOf(AllowedSenders.Verdict.Refused.class);
  }

  @Test
  void entriesAreValidatedAllAtOnce() {
    assertThat(AllowedSenders.problems(List.of("ok@bank.example", "nope", "@", "@bad_domain")))
        .hasSize(3)
        .allSatisfy(p -> assertThat(p).startsWith("allowedSenders["));
    assertThat(AllowedSenders.problems(List.of())).hasSize(1);
    assertThat(
            AllowedSenders.problems(
                Collections.nCopies(AllowedSenders.MAX_ENTRIES + 1, "a@bank.example")))
        .singleElement()
        .asString()
        .contains("over " + AllowedSenders.MAX_ENTRIES);
    assertThatThrownBy(() -> AllowedSenders.of(List.of("nope")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
