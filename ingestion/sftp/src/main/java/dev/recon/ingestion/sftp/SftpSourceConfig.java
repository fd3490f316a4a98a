package dev.recon.ingestion.sftp;

import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.store.TenantTransactions;
import dev.recon.schemas.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One tenant's SFTP source: where to log in, how the server is recognised, which files to take from
 * which folder, where to move them afterwards, and the limits. Holds secret references, never
 * secrets. {@link #problems} lists every problem at once; {@link SftpPoller} refuses a config that
 * has any.
 *
 * @param sourceId names the source within the tenant (e.g. {@code adyen-settlement}); the connector
 *     id, the raw records' source and the dedupe scope are derived from it
 * @param remoteRoot the folder polled (not recursively); every file read or moved lies in it
 * @param archiveFolder where taken and duplicate files are moved (may lie inside the root)
 * @param quarantineFolder where refused files are moved (may lie inside the root)
 * @param psp the PSP or bank the files come from, copied onto each raw record (optional)
 * @param formatHint the format normalization should use instead of detecting it (optional)
 */
public record SftpSourceConfig(
    String tenantId,
    String sourceId,
    String host,
    int port,
    String username,
    SftpAuthentication authentication,
    HostKeyTrust hostKeys,
    String remoteRoot,
    List<String> includePatterns,
    String archiveFolder,
    String quarantineFolder,
    String psp,
    String formatHint,
    SftpLimits limits) {

  /** A whole file travels as one raw record. */
  public static final long MAX_FILE_BYTES_CEILING = Topics.MAX_RAW_RECORD_BYTES;

  public static final int MAX_FILES_PER_POLL_CEILING = 1000;
  public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration MAX_QUIET_PERIOD = Duration.ofHours(24);
  public static final int MAX_KNOWN_HOSTS_BYTES = 256 * 1024;
  public static final int MAX_HOST_CHARS = 253;
  public static final int MAX_USERNAME_CHARS = 64;

  public static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public SftpSourceConfig {
    includePatterns =
        includePatterns == null
            ? List.of()
            : Collections.unmodifiableList(new ArrayList<>(includePatterns));
  }

  /** The connector id under which offsets and audit lines are stored. */
  public String connectorId() {
    return "sftp:" + sourceId;
  }

  /** The raw records' source and the scope of dedupe by content. */
  public String source() {
    return "sftp:" + sourceId;
  }

  /** Every problem of this config, each naming its field; empty when the source can run. */
  public List<String> problems(RuntimeMode mode) {
    List<String> p = new ArrayList<>();
    if (!TenantTransactions.isTenantId(tenantId)) {
      p.add("tenant_id: must match " + TenantTransactions.TENANT_ID.pattern());
    }
    if (sourceId == null || !SOURCE_ID.matcher(sourceId).matches()) {
      p.add("source_id: must match " + SOURCE_ID.pattern());
    }
    if (host == null || host.length() > MAX_HOST_CHARS || !HOST.matcher(host).matches()) {
      p.add("host: must be a host name or IP address of at most " + MAX_HOST_CHARS + " characters");
    }
    if (port < 1 || port > 65_535) {
      p.add("port: must be between 1 and 65535");
    }
    if (username == null
        || username.isBlank()
        || username.length() > MAX_USERNAME_CHARS
        || username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      p.add("username: must be 1-" + MAX_USERNAME_CHARS + " printable characters");
    }
    checkAuthentication(p);
    checkHostKeys(mode, p);
    checkFolders(p);
    checkPatterns(p);
    if (psp != null && !LABEL.matcher(psp).matches()) {
      p.add("psp: must match " + LABEL.pattern());
    }
    if (formatHint != null && !LABEL.matcher(formatHint).matches()) {
      p.add("format_hint: must match " + LABEL.pattern());
    }
    checkLimits(p);
    return p;
  }

  /** This config, or an exception listing all its problems. */
  public SftpSourceConfig requireValid(RuntimeMode mode) {
    List<String> p = problems(mode);
    if (!p.isEmpty()) {
      throw new InvalidSftpConfigException(String.valueOf(sourceId), p);
    }
    return this;
  }

  private void checkAuthentication(List<String> p) {
    if (authentication == null) {
      p.add("auth: a password or private key reference is required");
    } else if (authentication instanceof SftpAuthentication.Password pw) {
      checkReference("auth.password", pw.passwordRef(), true, p);
    } else if (authentication instanceof SftpAuthentication.PrivateKey key) {
      checkReference("auth.private_key", key.privateKeyRef(), true, p);
      checkReference("auth.passphrase", key.passphraseRef(), false, p);
    }
  }

  private static void checkReference(String field, String ref, boolean required, List<String> p) {
    if (ref == null) {
      if (required) {
        p.add(field + ": a secret reference (env:, file:, aws-sm:) is required");
      }
      return;
    }
    try {
      SecretReference.parse(ref);
    } catch (IllegalArgumentException e) {
      // the text may be a pasted secret: never repeat it
      p.add(field + ": " + e.getMessage());
    }
  }

  private void checkHostKeys(RuntimeMode mode, List<String> p) {
    if (hostKeys == null) {
      p.add("known_hosts: required (the server's host key is always checked)");
      return;
    }
    boolean inline = hostKeys.knownHosts() != null;
    boolean file = hostKeys.knownHostsPath() != null;
    if (inline && file) {
      p.add("known_hosts: give the content or a path, not both");
    }
    if (!inline && !file && !hostKeys.devTrustOnFirstUse()) {
      p.add("known_hosts: the content or a path is required (the server's host key is checked)");
    }
    if (inline
        && (hostKeys.knownHosts().isBlank()
            || hostKeys.knownHosts().getBytes(StandardCharsets.UTF_8).length
                > MAX_KNOWN_HOSTS_BYTES)) {
      p.add("known_hosts: must be non-empty and at most " + MAX_KNOWN_HOSTS_BYTES + " bytes");
    }
    if (file && !isAbsoluteLocalPath(hostKeys.knownHostsPath())) {
      p.add("known_hosts_path: must be an absolute path");
    }
    if (hostKeys.devTrustOnFirstUse() && mode == RuntimeMode.PRODUCTION) {
      p.add("known_hosts: trust on first use is a development setting, refused in production mode");
    }
  }

  private static boolean isAbsoluteLocalPath(String path) {
    try {
      return !path.isBlank() && Path.of(path).isAbsolute();
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  private void checkFolders(List<String> p) {
    boolean rootOk = checkFolder("remote_root", remoteRoot, p);
    boolean archiveOk = checkFolder("archive_folder", archiveFolder, p);
    boolean quarantineOk = checkFolder("quarantine_folder", quarantineFolder, p);
    if (rootOk && archiveOk && RemotePaths.isSameOrAncestor(archiveFolder, remoteRoot)) {
      p.add("archive_folder: must not be the remote root or one of its parents");
    }
    if (rootOk && quarantineOk && RemotePaths.isSameOrAncestor(quarantineFolder, remoteRoot)) {
      p.add("quarantine_folder: must not be the remote root or one of its parents");
    }
    if (archiveOk && quarantineOk && archiveFolder.equals(quarantineFolder)) {
      p.add("quarantine_folder: must differ from archive_folder");
    }
  }

  private static boolean checkFolder(String field, String path, List<String> p) {
    if (!RemotePaths.isAbsoluteNormal(path)) {
      p.add(
          field
              + ": must be an absolute remote path without '.', '..' or empty segments, at most "
              + RemotePaths.MAX_PATH_CHARS
              + " characters");
      return false;
    }
    return true;
  }

  private void checkPatterns(List<String> p) {
    if (includePatterns.isEmpty()) {
      p.add("include_patterns: at least one file name glob is required");
    }
    if (includePatterns.size() > IncludePatterns.MAX_PATTERNS) {
      p.add("include_patterns: at most " + IncludePatterns.MAX_PATTERNS + " globs");
    }
    for (int i = 0; i < includePatterns.size(); i++) {
      String problem = IncludePatterns.problem(includePatterns.get(i));
      if (problem != null) {
        p.add("include_patterns[" + i + "]: " + problem);
      }
    }
  }

  private void checkLimits(List<String> p) {
    if (limits == null) {
      p.add("limits: required");
      return;
    }
    if (limits.maxFileBytes() < 1 || limits.maxFileBytes() > MAX_FILE_BYTES_CEILING) {
      p.add("limits.max_file_bytes: must be between 1 and " + MAX_FILE_BYTES_CEILING);
    }
    if (limits.maxFilesPerPoll() < 1 || limits.maxFilesPerPoll() > MAX_FILES_PER_POLL_CEILING) {
      p.add("limits.max_files_per_poll: must be between 1 and " + MAX_FILES_PER_POLL_CEILING);
    }
    checkTimeout("limits.connect_timeout", limits.connectTimeout(), p);
    checkTimeout("limits.read_timeout", limits.readTimeout(), p);
    Duration quiet = limits.quietPeriod();
    if (quiet == null || quiet.isNegative() || quiet.compareTo(MAX_QUIET_PERIOD) > 0) {
      p.add("limits.quiet_period: must be between 0 and " + MAX_QUIET_PERIOD);
    }
  }

  private static void checkTimeout(String field, Duration timeout, List<String> p) {
    if (timeout == null
        || timeout.compareTo(MIN_TIMEOUT) < 0
        || timeout.compareTo(MAX_TIMEOUT) > 0) {
      p.add(field + ": must be between " + MIN_TIMEOUT + " and " + MAX_TIMEOUT);
    }
  }
}
