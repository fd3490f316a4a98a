package dev.recon.ingestion.email;

import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.store.TenantTransactions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One tenant's mailbox. Built only valid: the constructor collects every problem and throws {@link
 * InvalidMailboxConfigException} listing them all. The password is a secret reference ({@code
 * env:}, {@code file:}, {@code aws-sm:}), resolved at each poll so a rotation needs no restart.
 *
 * @param connectorId names this mailbox in offsets and the audit log; unique per tenant
 * @param folder the folder polled; {@code INBOX} by default
 * @param processedFolder where published messages are moved; null leaves them in place, flagged
 *     with {@code processedKeyword}
 * @param rejectedFolder where refused messages are moved; null leaves them in place, flagged with
 *     {@code rejectedKeyword}
 * @param psp the PSP hint put on every raw record of this mailbox, or null
 * @param formatHint the forced format put on every raw record, or null for auto-detection
 * @param plainImapForDevelopmentOnly connects without TLS: only for a local development server
 */
public record MailboxConfig(
    String tenantId,
    String connectorId,
    String host,
    int port,
    String username,
    String passwordSecret,
    String folder,
    List<String> allowedSenders,
    Set<AttachmentType> allowedTypes,
    String processedFolder,
    String processedKeyword,
    String rejectedFolder,
    String rejectedKeyword,
    String psp,
    String formatHint,
    MailLimits limits,
    boolean plainImapForDevelopmentOnly) {

  public static final String DEFAULT_CONNECTOR_ID = "email";
  public static final int IMAPS_PORT = 993;
  public static final String DEFAULT_FOLDER = "INBOX";
  public static final String DEFAULT_PROCESSED_KEYWORD = "ReconProcessed";
  public static final String DEFAULT_REJECTED_KEYWORD = "ReconRejected";
  public static final String SOURCE_PREFIX = "email:";

  public static final int MAX_HOST_CHARS = 253;
  public static final int MAX_USERNAME_CHARS = 320;
  public static final int MAX_FOLDER_CHARS = 200;
  public static final int MAX_HINT_CHARS = 64;

  private static final Pattern CONNECTOR_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
  private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]+]?");
  // IMAP flag keyword: an atom, not a system flag (no leading backslash)
  private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9$_.-]{1,64}");
  private static final Pattern HINT = Pattern.compile("[A-Za-z0-9._-]+");

  public MailboxConfig {
    connectorId = Objects.requireNonNullElse(connectorId, DEFAULT_CONNECTOR_ID);
    folder = Objects.requireNonNullElse(folder, DEFAULT_FOLDER);
    allowedSenders = allowedSenders == null ? List.of() : List.copyOf(allowedSenders);
    allowedTypes =
        allowedTypes == null ? Set.copyOf(EnumSet.allOf(AttachmentType.class)) : allowedTypes;
    processedKeyword = Objects.requireNonNullElse(processedKeyword, DEFAULT_PROCESSED_KEYWORD);
    rejectedKeyword = Objects.requireNonNullElse(rejectedKeyword, DEFAULT_REJECTED_KEYWORD);
    limits = Objects.requireNonNullElse(limits, MailLimits.defaults());
    List<String> errors =
        problems(
            tenantId,
            connectorId,
            host,
            port,
            username,
            passwordSecret,
            folder,
            allowedSenders,
            allowedTypes,
            processedFolder,
            processedKeyword,
            rejectedFolder,
            rejectedKeyword,
            psp,
            formatHint,
            limits);
    if (!errors.isEmpty()) {
      throw new InvalidMailboxConfigException(errors);
    }
    allowedTypes = Set.copyOf(allowedTypes);
  }

  /** The raw records' source: {@code email:<folder>}. */
  public String source() {
    return SOURCE_PREFIX + folder;
  }

  public static Builder builder() {
    return new Builder();
  }

  // one parameter per configuration key: the record fields are not assigned yet here
  private static List<String> problems(
      String tenantId,
      String connectorId,
      String host,
      int port,
      String username,
      String passwordSecret,
      String folder,
      List<String> allowedSenders,
      Set<AttachmentType> allowedTypes,
      String processedFolder,
      String processedKeyword,
      String rejectedFolder,
      String rejectedKeyword,
      String psp,
      String formatHint,
      MailLimits limits) {
    List<String> errors = new ArrayList<>();
    if (!TenantTransactions.isTenantId(tenantId)) {
      errors.add("tenantId must match " + TenantTransactions.TENANT_ID.pattern());
    }
    if (!CONNECTOR_ID.matcher(connectorId).matches()) {
      errors.add("connectorId must match " + CONNECTOR_ID.pattern());
    }
    if (host == null
        || host.length() > MAX_HOST_CHARS
        || !(HOST.matcher(host).matches() || IPV6.matcher(host).matches())) {
      errors.add("host must be a host name or IP address");
    }
    if (port < 1 || port > 65_535) {
      errors.add("port must be between 1 and 65535, was " + port);
    }
    if (username == null || username.isBlank() || username.length() > MAX_USERNAME_CHARS) {
      errors.add("username must be set (at most " + MAX_USERNAME_CHARS + " characters)");
    }
    try {
      SecretReference.parse(passwordSecret);
    } catch (IllegalArgumentException e) {
      errors.add("passwordSecret: " + e.getMessage());
    }
    checkFolder(errors, "folder", folder);
    if (processedFolder != null) {
      checkFolder(errors, "processedFolder", processedFolder);
      if (processedFolder.equals(folder)) {
        errors.add("processedFolder must differ from folder");
      }
    }
    if (rejectedFolder != null) {
      checkFolder(errors, "rejectedFolder", rejectedFolder);
      if (rejectedFolder.equals(folder)) {
        errors.add("rejectedFolder must differ from folder");
      }
    }
    checkKeyword(errors, "processedKeyword", processedKeyword);
    checkKeyword(errors, "rejectedKeyword", rejectedKeyword);
    if (processedKeyword.equalsIgnoreCase(rejectedKeyword)) {
      errors.add("processedKeyword and rejectedKeyword must differ");
    }
    errors.addAll(AllowedSenders.problems(allowedSenders));
    if (allowedTypes.isEmpty() || allowedTypes.stream().anyMatch(Objects::isNull)) {
      errors.add("allowedTypes must name at least one of " + List.of(AttachmentType.values()));
    } else if (allowedTypes.equals(Set.of(AttachmentType.ZIP))) {
      errors.add("allowedTypes must name a file type besides ZIP, or no archive entry is taken");
    }
    checkHint(errors, "psp", psp);
    checkHint(errors, "formatHint", formatHint);
    errors.addAll(limits.problems());
    return errors;
  }

  private static void checkFolder(List<String> errors, String key, String folder) {
    if (folder.isBlank() || folder.length() > MAX_FOLDER_CHARS) {
      errors.add(key + " must have 1-" + MAX_FOLDER_CHARS + " characters");
      return;
    }
    for (int i = 0; i < folder.length(); i++) {
      char c = folder.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '*' || c == '%') {
        errors.add(key + " must not contain control characters or IMAP wildcards");
        return;
      }
    }
  }

  private static void checkKeyword(List<String> errors, String key, String keyword) {
    if (!KEYWORD.matcher(keyword).matches()) {
      errors.add(key + " must be an IMAP keyword matching " + KEYWORD.pattern());
    }
  }

  private static void checkHint(List<String> errors, String key, String value) {
    if (value != null && (value.length() > MAX_HINT_CHARS || !HINT.matcher(value).matches())) {
      errors.add(key + " must have 1-" + MAX_HINT_CHARS + " letters, digits, '.', '_' or '-'");
    }
  }

  /** Fills defaults for everything but tenant, host, username, password and senders. */
  public static final class Builder {
    private String tenantId;
    private String connectorId = DEFAULT_CONNECTOR_ID;
    private String host;
    private int port = IMAPS_PORT;
    private String username;
    private String passwordSecret;
    private String folder = DEFAULT_FOLDER;
    private List<String> allowedSenders = List.of();
    private Set<AttachmentType> allowedTypes = EnumSet.allOf(AttachmentType.class);
    private String processedFolder;
    private String processedKeyword = DEFAULT_PROCESSED_KEYWORD;
    private String rejectedFolder;
    private String rejectedKeyword = DEFAULT_REJECTED_KEYWORD;
    private String psp;
    private String formatHint;
    private MailLimits limits = MailLimits.defaults();
    private boolean plainImapForDevelopmentOnly;

    private Builder() {}

    public Builder tenantId(String v) {
      tenantId = v;
      return this;
    }

    public Builder connectorId(String v) {
      connectorId = v;
      return this;
    }

    public Builder host(String v) {
      host = v;
      return this;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder username(String v) {
      username = v;
      return this;
    }

    public Builder passwordSecret(String v) {
      passwordSecret = v;
      return this;
    }

    public Builder folder(String v) {
      folder = v;
      return this;
    }

    public Builder allowedSenders(List<String> v) {
      allowedSenders = v;
      return this;
    }

    public Builder allowedTypes(Set<AttachmentType> v) {
      allowedTypes = v;
      return this;
    }

    public Builder processedFolder(String v) {
      processedFolder = v;
      return this;
    }

    public Builder processedKeyword(String v) {
      processedKeyword = v;
      return this;
    }

    public Builder rejectedFolder(String v) {
      rejectedFolder = v;
      return this;
    }

    public Builder rejectedKeyword(String v) {
      rejectedKeyword = v;
      return this;
    }

    public Builder psp(String v) {
      psp = v;
      return this;
    }

    public Builder formatHint(String v) {
      formatHint = v;
      return this;
    }

    public Builder limits(MailLimits v) {
      limits = v;
      return this;
    }

    public Builder plainImapForDevelopmentOnly(boolean v) {
      plainImapForDevelopmentOnly = v;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws InvalidMailboxConfigException listing every problem
     */
    public MailboxConfig build() {
      return new MailboxConfig(
          tenantId,
          connectorId,
          host,
          port,
          username,
          passwordSecret,
          folder,
          allowedSenders,
          allowedTypes,
          processedFolder,
          processedKeyword,
          rejectedFolder,
          rejectedKeyword,
          psp,
          formatHint,
          limits,
          plainImapForDevelopmentOnly);
    }
  }
}
