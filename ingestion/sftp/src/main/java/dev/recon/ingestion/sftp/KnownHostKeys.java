package dev.recon.ingestion.sftp;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host keys the poller accepts: the configured known_hosts, read-only (a server's key is never
 * added or replaced by a connection), plus, only with the development trust-on-first-use flag, the
 * first key a server unknown to known_hosts showed, pinned for the poller's lifetime. A key that
 * differs from a listed or pinned one is always reported as changed, so JSch (with {@code
 * StrictHostKeyChecking=yes}) refuses it.
 */
final class KnownHostKeys implements HostKeyRepository {

  private final HostKeyRepository configured;
  private final boolean trustOnFirstUse;
  private final Map<String, byte[]> pinned;
  private volatile String pinnedNow;

  /**
   * @param pinned the poller's first-use pins, shared by its connections
   */
  KnownHostKeys(HostKeyRepository configured, boolean trustOnFirstUse, Map<String, byte[]> pinned) {
    this.configured = configured;
    this.trustOnFirstUse = trustOnFirstUse;
    this.pinned = pinned;
  }

  static Map<String, byte[]> newPinStore() {
    return new ConcurrentHashMap<>();
  }

  @Override
  public int check(String host, byte[] key) {
    int listed = configured.check(host, key);
    if (listed != NOT_INCLUDED || !trustOnFirstUse) {
      return listed;
    }
    byte[] first = pinned.putIfAbsent(host, key.clone());
    if (first == null) {
      pinnedNow = fingerprint(key);
      return OK;
    }
    return Arrays.equals(first, key) ? OK : CHANGED;
  }

  /** The fingerprint of a key pinned on first use during this connection, if one was. */
  Optional<String> pinnedOnFirstUse() {
    return Optional.ofNullable(pinnedNow);
  }

  /**
   * The server host key algorithms to offer: those of the keys known_hosts lists for the host, in
   * JSch's order of preference, so that a server with several keys shows the one that is listed.
   * Null when known_hosts lists none for the host (JSch's default then applies).
   */
  String preferredAlgorithms(String knownHostsName, String jschDefault) {
    List<String> types = new ArrayList<>();
    for (HostKey key : configured.getHostKey(knownHostsName, null)) {
      if (key.getType().equals("ssh-rsa")) {
        types.addAll(List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"));
      } else {
        types.add(key.getType());
      }
    }
    List<String> offered = new ArrayList<>();
    for (String algorithm : jschDefault.split(",")) {
      if (types.contains(algorithm)) {
        offered.add(algorithm);
      }
    }
    return offered.isEmpty() ? null : String.join(",", offered);
  }

  static String fingerprint(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    // read-only: known_hosts is configuration, not something a server may change
  }

  @Override
  public void remove(String host, String type) {
    // read-only, see add
  }

  @Override
  public void remove(String host, String type, byte[] key) {
    // read-only, see add
  }

  @Override
  public String getKnownHostsRepositoryID() {
    return "configured known_hosts";
  }

  @Override
  public HostKey[] getHostKey() {
    return configured.getHostKey();
  }

  @Override
  public HostKey[] getHostKey(String host, String type) {
    return configured.getHostKey(host, type);
  }
}
