package dev.recon.ingestion.sftp;

/**
 * Which server host keys are trusted: OpenSSH {@code known_hosts} lines, given inline ({@code
 * knownHosts}) or as a file ({@code knownHostsPath}), exactly one of the two. Entries for a server
 * on another port than 22 are written {@code [host]:port}. {@code devTrustOnFirstUse} pins the
 * first key a server shows when known_hosts has none for it; it is refused in production mode, and
 * a key that differs from a pinned or listed one is always refused.
 */
public record HostKeyTrust(String knownHosts, String knownHostsPath, boolean devTrustOnFirstUse) {

  public static HostKeyTrust inline(String knownHosts) {
    return new HostKeyTrust(knownHosts, null, false);
  }

  public static HostKeyTrust file(String knownHostsPath) {
    return new HostKeyTrust(null, knownHostsPath, false);
  }

  /** Development only: no known_hosts yet, trust what the server shows first. */
  public static HostKeyTrust trustOnFirstUseForDevelopment() {
    return new HostKeyTrust(null, null, true);
  }
}
