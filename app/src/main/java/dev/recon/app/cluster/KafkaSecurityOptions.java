package dev.recon.app.cluster;

import dev.recon.app.platform.PlatformSetting;
import dev.recon.app.platform.PlatformSettings.SourcedValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The Kafka security options of a cluster job, named as {@code recon run}'s, for {@code
 * ClusterJobs} and for {@code recon submit}, which passes them on. Each may also come from the
 * {@code RECON_KAFKA_*} variable {@code recon run} reads, or from Managed Flink's runtime
 * properties. Passwords are given by file or variable only (see {@link PasswordLocation}).
 */
public final class KafkaSecurityOptions {
  @Option(
      names = "--kafka-security-protocol",
      paramLabel = "PROTOCOL",
      description = "PLAINTEXT, SSL, SASL_SSL (default: $RECON_KAFKA_SECURITY_PROTOCOL)")
  String protocol;

  @Option(
      names = "--kafka-sasl-mechanism",
      paramLabel = "MECHANISM",
      description =
          "PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or AWS_MSK_IAM (MSK IAM: the AWS credentials of"
              + " the job; default: $RECON_KAFKA_SASL_MECHANISM)")
  String saslMechanism;

  @Option(
      names = "--kafka-sasl-username",
      paramLabel = "USER",
      description = "default: $RECON_KAFKA_SASL_USERNAME")
  String saslUsername;

  @Option(
      names = "--kafka-sasl-password-file",
      paramLabel = "FILE",
      description = "file holding the SASL password (default: $RECON_KAFKA_SASL_PASSWORD)")
  String saslPasswordFile;

  @Option(
      names = "--kafka-sasl-password-env",
      paramLabel = "NAME",
      description = "variable holding the SASL password")
  String saslPasswordVariable;

  @Option(
      names = "--kafka-truststore",
      paramLabel = "FILE",
      description = "CA certificates, PEM or PKCS12 (default: $RECON_KAFKA_TRUSTSTORE)")
  String truststore;

  @Option(
      names = "--kafka-truststore-password-file",
      paramLabel = "FILE",
      description = "file holding the PKCS12 password (default: $RECON_KAFKA_TRUSTSTORE_PASSWORD)")
  String truststorePasswordFile;

  @Option(
      names = "--kafka-truststore-password-env",
      paramLabel = "NAME",
      description = "variable holding the PKCS12 password")
  String truststorePasswordVariable;

  @Option(
      names = "--kafka-keystore",
      paramLabel = "FILE",
      description =
          "client key and certificate chain for mutual TLS, PKCS12 or PEM (unencrypted PKCS#8"
              + " key), on every Flink node (default: $RECON_KAFKA_KEYSTORE)")
  String keystore;

  @Option(
      names = "--kafka-keystore-password-file",
      paramLabel = "FILE",
      description =
          "file holding the PKCS12 keystore's password (default:"
              + " $RECON_KAFKA_KEYSTORE_PASSWORD)")
  String keystorePasswordFile;

  @Option(
      names = "--kafka-keystore-password-env",
      paramLabel = "NAME",
      description = "variable holding the keystore password")
  String keystorePasswordVariable;

  /**
   * The options given, as settings whose origin is the option; a password as a reference to its
   * file or variable. Conflicting options are added to {@code errors}.
   */
  Map<PlatformSetting, SourcedValue> given(List<String> errors) {
    Map<PlatformSetting, SourcedValue> given = new EnumMap<>(PlatformSetting.class);
    put(given, PlatformSetting.KAFKA_SECURITY_PROTOCOL, "--kafka-security-protocol", protocol);
    put(given, PlatformSetting.KAFKA_SASL_MECHANISM, "--kafka-sasl-mechanism", saslMechanism);
    put(given, PlatformSetting.KAFKA_SASL_USERNAME, "--kafka-sasl-username", saslUsername);
    put(given, PlatformSetting.KAFKA_TRUSTSTORE, "--kafka-truststore", truststore);
    put(given, PlatformSetting.KAFKA_KEYSTORE, "--kafka-keystore", keystore);
    saslPassword()
        .reference(errors)
        .ifPresent(v -> given.put(PlatformSetting.KAFKA_SASL_PASSWORD, v));
    truststorePassword()
        .reference(errors)
        .ifPresent(v -> given.put(PlatformSetting.KAFKA_TRUSTSTORE_PASSWORD, v));
    keystorePassword()
        .reference(errors)
        .ifPresent(v -> given.put(PlatformSetting.KAFKA_KEYSTORE_PASSWORD, v));
    return given;
  }

  /** The options given, as job arguments: where the passwords are, never the passwords. */
  public List<String> arguments() {
    List<String> args = new ArrayList<>();
    add(args, "--kafka-security-protocol", protocol);
    add(args, "--kafka-sasl-mechanism", saslMechanism);
    add(args, "--kafka-sasl-username", saslUsername);
    args.addAll(saslPassword().arguments());
    add(args, "--kafka-truststore", truststore);
    args.addAll(truststorePassword().arguments());
    add(args, "--kafka-keystore", keystore);
    args.addAll(keystorePassword().arguments());
    return args;
  }

  private PasswordLocation saslPassword() {
    return new PasswordLocation(
        "--kafka-sasl-password-file",
        saslPasswordFile,
        "--kafka-sasl-password-env",
        saslPasswordVariable);
  }

  private PasswordLocation truststorePassword() {
    return new PasswordLocation(
        "--kafka-truststore-password-file",
        truststorePasswordFile,
        "--kafka-truststore-password-env",
        truststorePasswordVariable);
  }

  private PasswordLocation keystorePassword() {
    return new PasswordLocation(
        "--kafka-keystore-password-file",
        keystorePasswordFile,
        "--kafka-keystore-password-env",
        keystorePasswordVariable);
  }

  private static void put(
      Map<PlatformSetting, SourcedValue> given,
      PlatformSetting setting,
      String option,
      String value) {
    if (value != null && !value.isBlank()) {
      given.put(setting, new SourcedValue(value, option));
    }
  }

  private static void add(List<String> args, String option, String value) {
    if (value != null && !value.isBlank()) {
      args.add(option);
      args.add(value);
    }
  }
}
