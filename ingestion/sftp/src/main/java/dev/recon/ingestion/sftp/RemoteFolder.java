package dev.recon.ingestion.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.Slf4jLogger;
import dev.recon.ingestion.secret.Secret;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ingestion.secret.SecretUnavailableException;
import dev.recon.ingestion.sftp.SftpConnectionException.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SFTP connection (JSch) to a source's server: the few file operations the poller needs, with
 * literal paths (no JSch wildcards) and bounded reads. Thin: every decision is the poller's.
 */
final class RemoteFolder implements AutoCloseable {

  private static final int READ_BUFFER_BYTES = 64 * 1024;

  /** What a directory entry is, from the server's lstat-style listing. */
  enum Kind {
    FILE,
    DIRECTORY,
    LINK,
    OTHER
  }

  record Entry(String name, Kind kind, long size, long mtimeSeconds) {}

  /** The result of reading a whole file with a size limit. */
  sealed interface Download {
    record Complete(byte[] bytes) implements Download {}

    record TooLarge(long limit) implements Download {}

    record Unreadable(String reason) implements Download {}
  }

  private final Session session;
  private final ChannelSftp sftp;
  private final KnownHostKeys hostKeys;

  private RemoteFolder(Session session, ChannelSftp sftp, KnownHostKeys hostKeys) {
    this.session = session;
    this.sftp = sftp;
    this.hostKeys = hostKeys;
  }

  static RemoteFolder open(
      SftpSourceConfig config, SecretResolver secrets, Map<String, byte[]> firstUsePins)
      throws SftpConnectionException {
    String where = config.host() + ":" + config.port();
    JSch jsch = new JSch();
    jsch.setInstanceLogger(new Slf4jLogger());
    KnownHostKeys hostKeys = hostKeys(jsch, config, firstUsePins, where);
    Session session = null;
    try {
      session = jsch.getSession(config.username(), config.host(), config.port());
      session.setConfig("StrictHostKeyChecking", "yes");
      session.setConfig("HashKnownHosts", "no");
      String knownHostsName =
          config.port() == 22 ? config.host() : "[" + config.host() + "]:" + config.port();
      String algorithms =
          hostKeys.preferredAlgorithms(knownHostsName, JSch.getConfig("server_host_key"));
      if (algorithms != null) {
        session.setConfig("server_host_key", algorithms);
      }
      authenticate(jsch, session, config, secrets, where);
      session.setTimeout(Math.toIntExact(config.limits().readTimeout().toMillis()));
      int connectMillis = Math.toIntExact(config.limits().connectTimeout().toMillis());
      session.connect(connectMillis);
      ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
      channel.connect(connectMillis);
      return new RemoteFolder(session, channel, hostKeys);
    } catch (JSchHostKeyException e) {
      disconnect(session);
      throw new SftpConnectionException(Reason.HOST_KEY_REJECTED, where + ": " + e.getMessage(), e);
    } catch (JSchException e) {
      disconnect(session);
      String message = String.valueOf(e.getMessage());
      Reason reason =
          message.startsWith("Auth") || message.contains("invalid privatekey")
              ? Reason.AUTHENTICATION_FAILED
              : Reason.UNREACHABLE;
      throw new SftpConnectionException(reason, where + ": " + message, e);
    } catch (SftpConnectionException | RuntimeException e) {
      disconnect(session);
      throw e;
    }
  }

  private static KnownHostKeys hostKeys(
      JSch jsch, SftpSourceConfig config, Map<String, byte[]> pins, String where)
      throws SftpConnectionException {
    HostKeyTrust trust = config.hostKeys();
    byte[] knownHosts;
    if (trust.knownHosts() != null) {
      knownHosts = trust.knownHosts().getBytes(StandardCharsets.UTF_8);
    } else if (trust.knownHostsPath() != null) {
      Path path = Path.of(trust.knownHostsPath());
      try {
        if (Files.size(path) > SftpSourceConfig.MAX_KNOWN_HOSTS_BYTES) {
          throw new SftpConnectionException(
              Reason.KNOWN_HOSTS_UNAVAILABLE,
              where + ": " + path + " is over " + SftpSourceConfig.MAX_KNOWN_HOSTS_BYTES + " bytes",
              null);
        }
        knownHosts = Files.readAllBytes(path);
      } catch (IOException e) {
        throw new SftpConnectionException(
            Reason.KNOWN_HOSTS_UNAVAILABLE, where + ": cannot read " + path, e);
      }
    } else {
      knownHosts = new byte[0];
    }
    try {
      jsch.setKnownHosts(new ByteArrayInputStream(knownHosts));
    } catch (JSchException e) {
      throw new SftpConnectionException(
          Reason.KNOWN_HOSTS_UNAVAILABLE, where + ": known_hosts cannot be parsed", e);
    }
    KnownHostKeys keys =
        new KnownHostKeys(jsch.getHostKeyRepository(), trust.devTrustOnFirstUse(), pins);
    jsch.setHostKeyRepository(keys);
    return keys;
  }

  private static void authenticate(
      JSch jsch, Session session, SftpSourceConfig config, SecretResolver secrets, String where)
      throws SftpConnectionException, JSchException {
    try {
      if (config.authentication() instanceof SftpAuthentication.Password pw) {
        session.setConfig("PreferredAuthentications", "password");
        session.setPassword(secrets.resolve(pw.passwordRef()).reveal());
      } else if (config.authentication() instanceof SftpAuthentication.PrivateKey key) {
        session.setConfig("PreferredAuthentications", "publickey");
        Secret privateKey = secrets.resolve(key.privateKeyRef());
        byte[] passphrase =
            key.passphraseRef() == null ? null : secrets.resolve(key.passphraseRef()).utf8();
        try {
          jsch.addIdentity(config.connectorId(), privateKey.utf8(), null, passphrase);
        } catch (JSchException e) {
          // JSch's message may quote key material: replace it
          throw new SftpConnectionException(
              Reason.AUTHENTICATION_FAILED,
              where + ": the private key cannot be loaded (wrong passphrase or format)",
              null);
        }
      }
    } catch (SecretUnavailableException e) {
      throw new SftpConnectionException(
          Reason.SECRET_UNAVAILABLE, where + ": " + e.getMessage(), e);
    }
  }

  /** The fingerprint of a host key trusted on first use by this connection (development only). */
  Optional<String> hostKeyPinnedOnFirstUse() {
    return hostKeys.pinnedOnFirstUse();
  }

  /** Up to {@code max} entries of a folder ("." and ".." included if the server lists them). */
  List<Entry> list(String folder, int max) {
    List<Entry> entries = new ArrayList<>();
    try {
      sftp.ls(
          RemotePaths.quoteForJsch(folder),
          e -> {
            entries.add(entry(e.getFilename(), e.getAttrs()));
            return entries.size() >= max
                ? ChannelSftp.LsEntrySelector.BREAK
                : ChannelSftp.LsEntrySelector.CONTINUE;
          });
      return entries;
    } catch (SftpException e) {
      throw new RemoteFolderException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The entry itself (a link is not followed), or empty when nothing has that path. */
  Optional<Entry> lstat(String path) {
    try {
      SftpATTRS attrs = sftp.lstat(RemotePaths.quoteForJsch(path));
      return Optional.of(entry(path.substring(path.lastIndexOf('/') + 1), attrs));
    } catch (SftpException e) {
      if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
        return Optional.empty();
      }
      throw new RemoteFolderException("cannot stat " + path + ": " + e.getMessage(), e);
    }
  }

  boolean exists(String path) {
    return lstat(path).isPresent();
  }

  /** Where a symbolic link points, as the server reports it; empty when it cannot tell. */
  Optional<String> readLink(String path) {
    try {
      return Optional.ofNullable(sftp.readlink(RemotePaths.quoteForJsch(path)));
    } catch (SftpException e) {
      return Optional.empty();
    }
  }

  /** The whole file, unless it is bigger than {@code maxBytes} or the server refuses to open it. */
  Download read(String path, long maxBytes) {
    InputStream in;
    try {
      in = sftp.get(RemotePaths.quoteForJsch(path));
    } catch (SftpException e) {
      if (e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED) {
        return new Download.Unreadable("permission denied");
      }
      throw new RemoteFolderException("cannot open " + path + ": " + e.getMessage(), e);
    }
    try (InputStream stream = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[READ_BUFFER_BYTES];
      int n;
      while ((n = stream.read(buffer)) >= 0) {
        if (out.size() + (long) n > maxBytes) {
          return new Download.TooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return new Download.Complete(out.toByteArray());
    } catch (IOException e) {
      throw new RemoteFolderException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Creates {@code folder} (one level) unless it exists as a directory. */
  void ensureFolder(String folder) {
    Optional<Entry> existing = lstat(folder);
    if (existing.isPresent()) {
      if (existing.get().kind() != Kind.DIRECTORY) {
        throw new RemoteFolderException(folder + " exists and is not a folder", null);
      }
      return;
    }
    try {
      sftp.mkdir(RemotePaths.quoteForJsch(folder));
    } catch (SftpException e) {
      throw new RemoteFolderException("cannot create " + folder + ": " + e.getMessage(), e);
    }
  }

  void rename(String from, String to) {
    try {
      sftp.rename(RemotePaths.quoteForJsch(from), RemotePaths.quoteForJsch(to));
    } catch (SftpException e) {
      throw new RemoteFolderException(
          "cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  private static Entry entry(String name, SftpATTRS attrs) {
    Kind kind =
        attrs.isLink()
            ? Kind.LINK
            : attrs.isDir() ? Kind.DIRECTORY : attrs.isReg() ? Kind.FILE : Kind.OTHER;
    return new Entry(name, kind, attrs.getSize(), Integer.toUnsignedLong(attrs.getMTime()));
  }

  private static void disconnect(Session session) {
    if (session != null) {
      session.disconnect();
    }
  }

  @Override
  public void close() {
    sftp.disconnect();
    session.disconnect();
  }
}
