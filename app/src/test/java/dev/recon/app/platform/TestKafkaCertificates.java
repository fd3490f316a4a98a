package dev.recon.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for mutual TLS tests, made with the JDK's keytool in a folder: a test CA, a broker
 * certificate for 127.0.0.1 and a client certificate both signed by it, and a client certificate
 * signed by another CA. Keystores are PKCS12 with {@link #PASSWORD}; the client's key and chain
 * also as a PEM file with an unencrypted PKCS#8 key.
 */
public final class TestKafkaCertificates {
  /** Every keystore's password; long enough for production mode's checks. */
  public static final String PASSWORD = "test-keystore-password-0123";

  private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

  private final Path dir;

  private TestKafkaCertificates(Path dir) {
    this.dir = dir;
  }

  /** Makes every file in {@code dir}; takes a few seconds (keytool runs a dozen times). */
  static TestKafkaCertificates create(Path dir) throws IOException, GeneralSecurityException {
    TestKafkaCertificates c = new TestKafkaCertificates(Files.createDirectories(dir));
    c.authority("ca", "CN=recon test CA");
    c.authority("other-ca", "CN=another CA");
    c.signed("broker", "CN=127.0.0.1", "ca", "SAN=IP:127.0.0.1");
    c.signed("client", "CN=recon-client", "ca", null);
    c.signed("stranger", "CN=recon-client", "other-ca", null);
    c.pemKeystore("client");
    return c;
  }

  /** One self-signed key and certificate in a PKCS12 {@code file}, for checks of the settings. */
  public static Path selfSignedKeystore(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    new TestKafkaCertificates(file.toAbsolutePath().getParent())
        .keytool(
            "-genkeypair", "-alias", "client", "-dname", "CN=client", "-keystore", file.toString());
    return file;
  }

  /** The test CA's certificate, PEM: what broker and clients trust. */
  Path caPem() {
    return dir.resolve("ca.pem");
  }

  Path brokerKeystore() {
    return dir.resolve("broker.p12");
  }

  /** The client's key and chain, signed by the test CA. */
  Path clientKeystore() {
    return dir.resolve("client.p12");
  }

  /** {@link #clientKeystore()} as PEM: unencrypted PKCS#8 key, then the chain. */
  Path clientPem() {
    return dir.resolve("client.pem");
  }

  /** A client key and chain signed by another CA, which the broker does not trust. */
  Path strangerKeystore() {
    return dir.resolve("stranger.p12");
  }

  private void authority(String name, String dname) throws IOException {
    keytool("-genkeypair", "-alias", name, "-dname", dname, "-ext", "bc:c", "-keystore", p12(name));
    keytool("-exportcert", "-rfc", "-alias", name, "-keystore", p12(name), "-file", pem(name));
  }

  private void signed(String name, String dname, String ca, String extension) throws IOException {
    keytool("-genkeypair", "-alias", name, "-dname", dname, "-keystore", p12(name));
    String request = dir.resolve(name + ".csr").toString();
    String certificate = dir.resolve(name + ".crt").toString();
    keytool("-certreq", "-alias", name, "-keystore", p12(name), "-file", request);
    List<String> sign =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-alias",
                ca,
                "-keystore",
                p12(ca),
                "-infile",
                request,
                "-outfile",
                certificate,
                "-rfc"));
    if (extension != null) {
      sign.add("-ext");
      sign.add(extension);
    }
    keytool(sign.toArray(String[]::new));
    keytool("-importcert", "-noprompt", "-alias", ca, "-keystore", p12(name), "-file", pem(ca));
    keytool("-importcert", "-alias", name, "-keystore", p12(name), "-file", certificate);
  }

  private void pemKeystore(String name) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(Path.of(p12(name)))) {
      store.load(in, PASSWORD.toCharArray());
    }
    Key key = store.getKey(name, PASSWORD.toCharArray());
    StringBuilder pem = new StringBuilder(block("PRIVATE KEY", key.getEncoded()));
    for (Certificate c : store.getCertificateChain(name)) {
      pem.append(block("CERTIFICATE", c.getEncoded()));
    }
    Files.writeString(dir.resolve(name + ".pem"), pem, StandardCharsets.US_ASCII);
  }

  static String block(String type, byte[] der) {
    Base64.Encoder base64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    return "-----BEGIN "
        + type
        + "-----\n"
        + base64.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private String p12(String name) {
    return dir.resolve(name + ".p12").toString();
  }

  private String pem(String name) {
    return dir.resolve(name + ".pem").toString();
  }

  /** Runs keytool with the common options: EC keys, PKCS12, two days of validity. */
  private void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    if (arguments[0].equals("-genkeypair")) {
      command.addAll(
          List.of(
              "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-keypass", PASSWORD));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
  }
}
