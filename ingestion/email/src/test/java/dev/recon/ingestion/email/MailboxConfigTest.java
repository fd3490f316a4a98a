package dev.recon.ingestion.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailboxConfigTest {

  static MailboxConfig.Builder valid() {
    return MailboxConfig.builder()
        .tenantId("acme")
        .host("imap.bank.example")
        .username("recon@bank.example")
        .passwordSecret("env:ACME_IMAP_PASSWORD")
        .allowedSenders(List.of("reports@psp.example", "@bank.example"));
  }

  @Test
  void defaultsAreImapsOnInboxWithEveryTypeAndTheDefaultLimits() {
    MailboxConfig c = valid().build();
    assertThat(c.port()).isEqualTo(993);
    assertThat(c.folder()).isEqualTo("INBOX");
    assertThat(c.source()).isEqualTo("email:INBOX");
    assertThat(c.connectorId()).isEqualTo("email");
    assertThat(c.allowedTypes()).containsExactlyInAnyOrder(AttachmentType.values());
    assertThat(c.limits()).isEqualTo(MailLimits.defaults());
    assertThat(c.plainImapForDevelopmentOnly()).isFalse();
    assertThat(c.processedFolder()).isNull();
    assertThat(c.processedKeyword()).isEqualTo(MailboxConfig.DEFAULT_PROCESSED_KEYWORD);
  }

  @Test
  void everyProblemIsListedAtOnce() {
    InvalidMailboxConfigException e =
        catchThrowableOfType(
            InvalidMailboxConfigException.class,
            () ->
                MailboxConfig.builder()
                    .tenantId("-bad tenant")
                    .connectorId("Email Poller")
                    .host("imap bank")
                    .port(0)
                    .username(" ")
                    .passwordSecret("hunter2-literal-password")
                    .folder("")
                    .processedFolder("Done*")
                    .rejectedFolder("")
                    .processedKeyword("\\Seen")
                    .rejectedKeyword("ok")
                    .allowedSenders(List.of("not-an-address"))
                    .allowedTypes(EnumSet.noneOf(AttachmentType.class))
                    .psp("stripe live")
                    .formatHint("x".repeat(65))
                    .limits(
                        new MailLimits(
                            0,
                            MailLimits.CEILING_MAX_ATTACHMENTS_PER_MESSAGE + 1,
                            MailLimits.CEILING_MAX_ATTACHMENT_BYTES + 1,
                            -1,
                            MailLimits.CEILING_MAX_ZIP_UNCOMPRESSED_BYTES + 1,
                            MailLimits.CEILING_MAX_ZIP_COMPRESSION_RATIO + 1,
                            MailLimits.CEILING_MAX_MESSAGES_PER_POLL + 1))
                    .build());

    assertThat(e.errors())
        .anySatisfy(m -> assertThat(m).startsWith("tenantId"))
        .anySatisfy(m -> assertThat(m).startsWith("connectorId"))
        .anySatisfy(m -> assertThat(m).startsWith("host"))
        .anySatisfy(m -> assertThat(m).startsWith("port"))
        .anySatisfy(m -> assertThat(m).startsWith("username"))
        .anySatisfy(m -> assertThat(m).startsWith("passwordSecret"))
        .anySatisfy(m -> assertThat(m).startsWith("folder"))
        .anySatisfy(m -> assertThat(m).startsWith("processedFolder"))
        .anySatisfy(m -> assertThat(m).startsWith("rejectedFolder"))
        .anySatisfy(m -> assertThat(m).startsWith("processedKeyword"))
        .anySatisfy(m -> assertThat(m).startsWith("allowedSenders[0]"))
        .anySatisfy(m -> assertThat(m).startsWith("allowedTypes"))
        .anySatisfy(m -> assertThat(m).startsWith("psp"))
        .anySatisfy(m -> assertThat(m).startsWith("formatHint"))
        .anySatisfy(m -> assertThat(m).startsWith("limits.maxMessageBytes"))
        .anySatisfy(m -> assertThat(m).startsWith("limits.maxAttachmentsPerMessage"))
        .anySatisfy(m -> assertThat(m).startsWith("limits.maxAttachmentBytes"))
        .anySatisfy(m -> assertThat(m).startsWith("limits.maxZipEntries"))
        .anySatisfy(m -> assertThat(m).startsWith("limits.maxZipUncompressedBytes"))
        .anySatisfy(m -> assertThat(m).startsWith("limits.maxZipCompressionRatio"))
        .anySatisfy(m -> assertThat(m).startsWith("limits.maxMessagesPerPoll"));
    assertThat(e.getMessage()).contains(e.errors().get(0)).doesNotContain("hunter2");
  }

  @Test
  void missingRequiredValuesAreListed() {
    InvalidMailboxConfigException e =
        catchThrowableOfType(
            InvalidMailboxConfigException.class, () -> MailboxConfig.builder().build());
    assertThat(e.errors())
        .anySatisfy(m -> assertThat(m).startsWith("tenantId"))
        .anySatisfy(m -> assertThat(m).startsWith("host"))
        .anySatisfy(m -> assertThat(m).startsWith("username"))
        .anySatisfy(m -> assertThat(m).startsWith("passwordSecret"))
        .anySatisfy(m -> assertThat(m).startsWith("allowedSenders"));
  }

  @Test
  void targetFoldersMustDifferFromThePolledFolderAndKeywordsFromEachOther() {
    assertThatThrownBy(() -> valid().processedFolder("INBOX").build())
        .hasMessageContaining("processedFolder must differ");
    assertThatThrownBy(() -> valid().rejectedFolder("INBOX").build())
        .hasMessageContaining("rejectedFolder must differ");
    assertThatThrownBy(() -> valid().processedKeyword("Done").rejectedKeyword("done").build())
        .hasMessageContaining("must differ");
  }

  @Test
  void zipAloneIsNotAUsableTypeList() {
    assertThatThrownBy(() -> valid().allowedTypes(Set.of(AttachmentType.ZIP)).build())
        .hasMessageContaining("besides ZIP");
    assertThat(valid().allowedTypes(Set.of(AttachmentType.ZIP, AttachmentType.CSV)).build())
        .isNotNull();
  }

  @Test
  void theAttachmentLimitCannotExceedWhatOneRawRecordCarries() {
    assertThatThrownBy(
            () ->
                valid()
                    .limits(
                        MailLimits.defaults()
                            .withMaxAttachmentBytes(MailLimits.CEILING_MAX_ATTACHMENT_BYTES + 1))
                    .build())
        .hasMessageContaining("limits.maxAttachmentBytes");
    assertThat(MailLimits.CEILING_MAX_ATTACHMENT_BYTES)
        .isEqualTo(dev.recon.schemas.kafka.Topics.MAX_RAW_RECORD_BYTES);
  }

  @Test
  void plainImapIsAnExplicitDevelopmentChoice() {
    MailboxConfig dev = valid().port(143).plainImapForDevelopmentOnly(true).build();
    assertThat(dev.plainImapForDevelopmentOnly()).isTrue();
    assertThat(ImapMailbox.sessionProperties(dev, ImapTls.systemTrust(), "imap"))
        .doesNotContainKey("mail.imap.ssl.enable");
    assertThat(ImapMailbox.sessionProperties(valid().build(), ImapTls.systemTrust(), "imaps"))
        .containsEntry("mail.imaps.ssl.checkserveridentity", "true")
        .containsEntry("mail.imaps.socketFactory.fallback", "false")
        .doesNotContainKey("mail.imaps.ssl.trust");
  }

  @Test
  void anIpAddressIsAValidHost() {
    assertThat(valid().host("127.0.0.1").build().host()).isEqualTo("127.0.0.1");
  }
}
