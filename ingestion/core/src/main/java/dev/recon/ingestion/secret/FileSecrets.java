package dev.recon.ingestion.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code file:/path}: a file holding only the secret (Kubernetes and Docker secret mounts); one
 * trailing line break is dropped, as editors and {@code echo} add it.
 */
public final class FileSecrets implements SecretSource {

  public static final long MAX_SECRET_FILE_BYTES = 64 * 1024;

  @Override
  public SecretReference.Scheme scheme() {
    return SecretReference.Scheme.FILE;
  }

  @Override
  public Secret read(SecretReference reference) {
    Path path = Path.of(reference.location());
    try {
      long size = Files.size(path);
      if (size > MAX_SECRET_FILE_BYTES) {
        throw new SecretUnavailableException(
            "secret file " + path + " is over " + MAX_SECRET_FILE_BYTES + " bytes");
      }
      String value = Files.readString(path, StandardCharsets.UTF_8);
      if (value.endsWith("\r\n")) {
        value = value.substring(0, value.length() - 2);
      } else if (value.endsWith("\n")) {
        value = value.substring(0, value.length() - 1);
      }
      if (value.isEmpty()) {
        throw new SecretUnavailableException("secret file " + path + " is empty");
      }
      return new Secret(value);
    } catch (IOException e) {
      throw new SecretUnavailableException("cannot read secret file " + path, e);
    }
  }
}
