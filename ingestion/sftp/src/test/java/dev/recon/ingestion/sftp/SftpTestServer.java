package dev.recon.ingestion.sftp;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.KeyPair;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * A real SFTP server (Apache MINA SSHD) on 127.0.0.1 and a random port, serving {@link #root()} as
 * "/". It can refuse to open files whose name starts with {@link #UNREADABLE_PREFIX} (as a file
 * without read permission would, which root cannot otherwise simulate), fail renames, and run a
 * hook after each rename (to simulate a crash right after a move).
 */
final class SftpTestServer implements AutoCloseable {

  static final String USER = "recon";
  static final String PASSWORD = "correct horse";
  static final String UNREADABLE_PREFIX = "locked-";

  private final SshServer server;
  private final Path root;
  private final KeyPair hostKey;
  final AtomicInteger renamesToFail = new AtomicInteger();
  final AtomicReference<Runnable> afterRename = new AtomicReference<>(() -> {});

  private SftpTestServer(SshServer server, Path root, KeyPair hostKey) {
    this.server = server;
    this.root = root;
    this.hostKey = hostKey;
  }

  static SftpTestServer start(Path dir, Path authorizedKeys) throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    SimpleGeneratorHostKeyProvider keys =
        new SimpleGeneratorHostKeyProvider(dir.resolve("hostkey.ser"));
    KeyPair hostKey = keys.loadKeys(null).iterator().next();
    SshServer server = SshServer.setUpDefaultServer();
    SftpTestServer[] self = new SftpTestServer[1];
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(keys);
    server.setPasswordAuthenticator(
        (user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root));
    SftpFileSystemAccessor accessor =
        new SftpFileSystemAccessor() {
          @Override
          public SeekableByteChannel openFile(
              SftpSubsystemProxy subsystem,
              FileHandle fileHandle,
              Path file,
              String handle,
              Set<? extends OpenOption> options,
              FileAttribute<?>... attrs)
              throws IOException {
            if (options.contains(StandardOpenOption.READ)
                && file.getFileName().toString().startsWith(UNREADABLE_PREFIX)) {
              throw new AccessDeniedException(file.toString());
            }
            return SftpFileSystemAccessor.super.openFile(
                subsystem, fileHandle, file, handle, options, attrs);
          }

          @Override
          public void renameFile(
              SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
              throws IOException {
            if (self[0].renamesToFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
              throw new IOException("simulated rename failure");
            }
            SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
            self[0].afterRename.get().run();
          }
        };
    server.setSubsystemFactories(
        List.of(new SftpSubsystemFactory.Builder().withFileSystemAccessor(accessor).build()));
    self[0] = new SftpTestServer(server, root, hostKey);
    server.start();
    return self[0];
  }

  int port() {
    return server.getPort();
  }

  Path root() {
    return root;
  }

  /** The known_hosts line for this server. */
  String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
