package dev.recon.app.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Kafka needs from a client keystore file for mutual TLS, checked when the settings are read
 * so a wrong file or password is named with its setting instead of failing in every client later: a
 * PKCS12 store that its password opens and that holds a private key, or a PEM file with a
 * certificate chain and one unencrypted PKCS#8 private key (see {@link #pemProblem} for why not an
 * encrypted one). Problems name the file, never the password.
 */
final class ClientKeystoreFile {
  /** A key and a chain of a few certificates take a few kilobytes; more is not a keystore. */
  static final int MAX_BYTES = 256 * 1024;

  private static final String CERTIFICATE = "-----BEGIN CERTIFICATE-----";
  private static final Pattern PKCS8_KEY =
      Pattern.compile("-----BEGIN (ENCRYPTED )?PRIVATE KEY-----");
  private static final Pattern OTHER_KEY = Pattern.compile("-----BEGIN ([A-Z]+) PRIVATE KEY-----");

  /** A problem with the file, or with its password ({@link #aboutPassword}). */
  record Problem(boolean aboutPassword, String text) {}

  private ClientKeystoreFile() {}

  /**
   * The first problem of {@code file} as a keystore of {@code type} opened with {@code password}
   * (PKCS12 only; null: none given); empty when Kafka can use it.
   */
  static Optional<Problem> check(Path file, KafkaSecurity.StoreType type, String password) {
    if (!Files.isRegularFile(file)) {
      return file("no such file: " + file);
    }
    if (!Files.isReadable(file)) {
      return file("cannot be read (file permissions): " + file);
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      // one byte more than allowed, so a file that grows after a size check is still caught
      content = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      return file("cannot be read (" + e.getClass().getSimpleName() + "): " + file);
    }
    if (content.length > MAX_BYTES) {
      return file(file + " is larger than " + MAX_BYTES + " bytes; not a client keystore");
    }
    return type == KafkaSecurity.StoreType.PEM
        ? pemProblem(file, new String(content, StandardCharsets.ISO_8859_1))
        : pkcs12Problem(file, content, password);
  }

  private static Optional<Problem> pemProblem(Path file, String pem) {
    if (!pem.contains(CERTIFICATE)) {
      return file(
          file + " holds no certificate; a client keystore holds the private key and its chain");
    }
    Matcher other = OTHER_KEY.matcher(pem);
    while (other.find()) {
      if (!other.group(1).equals("ENCRYPTED")) {
        return file(
            file
                + " holds a "
                + other.group(1)
                + " private key, which Kafka does not read; convert it to PKCS#8 (openssl pkcs8"
                + " -topk8)");
      }
    }
    Matcher keys = PKCS8_KEY.matcher(pem);
    int count = 0;
    boolean encrypted = false;
    while (keys.find()) {
      count++;
      encrypted |= keys.group(1) != null;
    }
    if (count != 1) {
      return file(
          file + (count == 0 ? " holds no private key" : " holds " + count + " private keys"));
    }
    if (encrypted) {
      // Kafka decrypts a PEM key through the JDK's PBE ciphers, which on Java 17 do not open the
      // PBES2 (AES) keys openssl writes; the older schemes it does open are weak (3DES, RC2)
      return file(
          file
              + " holds an encrypted private key, which Kafka cannot open when it is encrypted the"
              + " usual way (PBES2); use a PKCS12 keystore with a password, or an unencrypted PKCS#8"
              + " key (openssl pkcs8 -topk8 -nocrypt) in a file only recon can read");
    }
    return Optional.empty();
  }

  private static Optional<Problem> pkcs12Problem(Path file, byte[] content, String password) {
    if (password == null) {
      return Optional.of(new Problem(true, "required: a PKCS12 keystore has a password"));
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(content), password.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      // the JDK reports a wrong password as an IOException caused by UnrecoverableKeyException
      return Optional.of(
          new Problem(true, "does not open " + file + " as PKCS12 (wrong password or not PKCS12)"));
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return Optional.empty();
        }
      }
    } catch (GeneralSecurityException e) {
      return file(file + " cannot be read as a keystore (" + e.getClass().getSimpleName() + ")");
    }
    return file(file + " holds no private key, only certificates (is it a truststore?)");
  }

  private static Optional<Problem> file(String problem) {
    return Optional.of(new Problem(false, problem));
  }
}
