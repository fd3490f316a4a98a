package dev.recon.ingestion.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test certificates made with the JDK's keytool: one for 127.0.0.1, which GreenMail's IMAPS server
 * presents (GreenMail's bundled certificate names no host, so hostname verification would rightly
 * refuse it), and one for another host name. GreenMail reads its keystore once per JVM, so every
 * test class shares this one.
 */
final class TestTls {

  static final String PASSWORD = "greenmail-test-keystore";
  static final String OTHER_HOST = "imap.elsewhere.test";

  private static Path loopbackKeyStore;
  private static Path otherHostKeyStore;

  private TestTls() {}

  /** Makes GreenMail present the 127.0.0.1 certificate; call before any GreenMail server starts. */
  static synchronized void installForGreenMail() {
    if (loopbackKeyStore != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("recon-email-tls");
      dir.toFile().deleteOnExit();
      loopbackKeyStore = generate(dir.resolve("loopback.p12"), "CN=127.0.0.1", "IP:127.0.0.1");
      otherHostKeyStore =
          generate(dir.resolve("other.p12"), "CN=" + OTHER_HOST, "DNS:" + OTHER_HOST);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create test certificates", e);
    }
    System.setProperty("greenmail.tls.keystore.file", loopbackKeyStore.toString());
    System.setProperty("greenmail.tls.keystore.password", PASSWORD);
    System.setProperty("greenmail.tls.key.password", PASSWORD);
  }

  /** Trusts the certificate GreenMail presents. */
  static ImapTls trustingGreenMail() throws GeneralSecurityException, IOException {
    installForGreenMail();
    return ImapTls.trusting(trustStoreOf(loopbackKeyStore));
  }

  /** Trusts the certificate made for {@link #OTHER_HOST}. */
  static ImapTls trustingOtherHost() throws GeneralSecurityException, IOException {
    installForGreenMail();
    return ImapTls.trusting(trustStoreOf(otherHostKeyStore));
  }

  static KeyStore keyStore(boolean otherHost) throws GeneralSecurityException, IOException {
    installForGreenMail();
    return load(otherHost ? otherHostKeyStore : loopbackKeyStore);
  }

  private static KeyStore trustStoreOf(Path keyStore) throws GeneralSecurityException, IOException {
    KeyStore source = load(keyStore);
    Certificate cert = source.getCertificate(source.aliases().nextElement());
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", cert);
    return trust;
  }

  private static KeyStore load(Path keyStore) throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  private static Path generate(Path file, String dname, String san) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    dname,
                    "-ext",
                    "SAN=" + san,
                    "-validity",
                    "2",
                    "-keystore",
                    file.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD))
            .redirectErrorStream(true)
            .start();
    try {
      String output =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
    file.toFile().deleteOnExit();
    return file;
  }
}
