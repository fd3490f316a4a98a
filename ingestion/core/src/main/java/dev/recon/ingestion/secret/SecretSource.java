package dev.recon.ingestion.secret;

/**
 * One place secrets can be read from; an extension point (environment, files, AWS Secrets Manager,
 * and whatever vault an operator runs).
 */
public interface SecretSource {

  SecretReference.Scheme scheme();

  /**
   * Reads the current value; called again after the cache expires, which is how a rotated secret
   * takes effect without a restart.
   *
   * @throws SecretUnavailableException when the secret does not exist or cannot be read
   */
  Secret read(SecretReference reference);
}
