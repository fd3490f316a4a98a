package dev.recon.app.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How every Kafka client of recon authenticates and encrypts: the security protocol, SASL login,
 * the truststore and, for mutual TLS, the client keystore. One value shared by admin clients,
 * consumers, producers and the Flink jobs' sources and sinks, so no client is left on a plaintext
 * connection by accident.
 *
 * @param protocol the Kafka {@code security.protocol}
 * @param saslMechanism SASL mechanism; required with SASL_SSL and SASL_PLAINTEXT, null otherwise
 * @param saslUsername SASL login; required with a mechanism that has one, null for MSK IAM
 * @param saslPassword SASL password (already resolved from its secret reference); required with a
 *     mechanism that has a login, null for MSK IAM
 * @param truststore CA certificates to trust (PEM or PKCS12); null: the JVM's default trust
 * @param truststorePassword password of a PKCS12 truststore; null for PEM
 * @param keystore the client's private key and certificate chain for mutual TLS (PKCS12, or PEM
 *     with an unencrypted PKCS#8 key); null: no client certificate
 * @param keystorePassword password of a PKCS12 keystore (already resolved from its secret
 *     reference); null for PEM
 */
public record KafkaSecurity(
    Protocol protocol,
    SaslMechanism saslMechanism,
    String saslUsername,
    String saslPassword,
    Path truststore,
    String truststorePassword,
    Path keystore,
    String keystorePassword) {

  /** Kafka's {@code security.protocol} values. */
  public enum Protocol {
    PLAINTEXT,
    SSL,
    SASL_PLAINTEXT,
    SASL_SSL;

    boolean sasl() {
      return this == SASL_PLAINTEXT || this == SASL_SSL;
    }

    boolean encrypted() {
      return this == SSL || this == SASL_SSL;
    }

    static Optional<Protocol> parse(String text) {
      for (Protocol p : values()) {
        if (p.name().equalsIgnoreCase(text)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * SASL mechanisms: with a username and password, or Amazon MSK's IAM login, which signs with the
   * AWS credentials of the process (its role on ECS, EKS or Managed Flink) and has no login of its
   * own. MSK IAM needs {@code software.amazon.msk:aws-msk-iam-auth} on the class path.
   */
  public enum SaslMechanism {
    PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule", null),
    SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule", null),
    SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule", null),
    AWS_MSK_IAM(
        "AWS_MSK_IAM",
        "software.amazon.msk.auth.iam.IAMLoginModule",
        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");

    private final String kafkaName;
    private final String loginModule;
    private final String callbackHandler;

    SaslMechanism(String kafkaName, String loginModule, String callbackHandler) {
      this.kafkaName = kafkaName;
      this.loginModule = loginModule;
      this.callbackHandler = callbackHandler;
    }

    public String kafkaName() {
      return kafkaName;
    }

    /** Whether the mechanism logs in with a username and password (MSK IAM does not). */
    public boolean hasLogin() {
      return callbackHandler == null;
    }

    static Optional<SaslMechanism> parse(String text) {
      for (SaslMechanism m : values()) {
        if (m.kafkaName.equalsIgnoreCase(text)) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }
  }

  /** The type Kafka needs for a truststore or keystore file, from its name. */
  enum StoreType {
    PEM,
    PKCS12;

    static Optional<StoreType> of(Path file) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer")) {
        return Optional.of(PEM);
      }
      if (lower.endsWith(".p12") || lower.endsWith(".pfx") || lower.endsWith(".pkcs12")) {
        return Optional.of(PKCS12);
      }
      return Optional.empty();
    }
  }

  private static final KafkaSecurity PLAINTEXT_ONLY =
      new KafkaSecurity(Protocol.PLAINTEXT, null, null, null, null, null, null, null);

  /**
   * A client keystore without a private key and certificate chain inside is not one; a named
   * certificate file ({@code .crt}, {@code .cer}) holds certificates only.
   */
  private static final Set<String> KEYSTORE_SUFFIXES_WITHOUT_KEY = Set.of(".crt", ".cer");

  public KafkaSecurity {
    Objects.requireNonNull(protocol, "protocol");
    check(
        protocol.sasl() == (saslMechanism != null),
        "a SASL mechanism exactly with a SASL protocol");
    check(
        saslMechanism == null
            || !saslMechanism.hasLogin()
            || (saslUsername != null && saslPassword != null),
        "SASL username and password");
    check(
        saslMechanism == null
            || saslMechanism.hasLogin()
            || (saslUsername == null && saslPassword == null),
        "a SASL login with MSK IAM, which signs with AWS credentials");
    check(
        saslMechanism != SaslMechanism.AWS_MSK_IAM || protocol == Protocol.SASL_SSL,
        "MSK IAM without SASL_SSL");
    check(
        saslMechanism != null || (saslUsername == null && saslPassword == null),
        "SASL login without a SASL protocol");
    check(truststore == null || protocol.encrypted(), "a truststore without SSL");
    check(truststore == null || StoreType.of(truststore).isPresent(), "truststore type");
    check(truststore != null || truststorePassword == null, "truststore password alone");
    check(keystore == null || protocol.encrypted(), "a client keystore without SSL");
    check(keystore == null || keystoreType(keystore).isPresent(), "client keystore type");
    check(keystore != null || keystorePassword == null, "client keystore password alone");
    check(
        keystore == null
            || (keystoreType(keystore).orElse(null) == StoreType.PKCS12)
                == (keystorePassword != null),
        "a client keystore password exactly with PKCS12");
  }

  private static void check(boolean valid, String what) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid Kafka security: " + what);
    }
  }

  /**
   * The type of a client keystore file from its name: {@code .pem} (private key and certificate
   * chain) or PKCS12; empty for anything else, certificate-only names included.
   */
  static Optional<StoreType> keystoreType(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (KEYSTORE_SUFFIXES_WITHOUT_KEY.stream().anyMatch(lower::endsWith)) {
      return Optional.empty();
    }
    return StoreType.of(file);
  }

  /** No encryption, no login: the embedded broker, and only in development elsewhere. */
  public static KafkaSecurity plaintext() {
    return PLAINTEXT_ONLY;
  }

  /** The client properties that carry these settings ({@code security.protocol}, sasl.*, ssl.*). */
  public Map<String, String> clientProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("security.protocol", protocol.name());
    if (saslMechanism != null) {
      p.put("sasl.mechanism", saslMechanism.kafkaName());
      if (saslMechanism.hasLogin()) {
        p.put(
            "sasl.jaas.config",
            saslMechanism.loginModule
                + " required username=\""
                + jaasQuoted(saslUsername)
                + "\" password=\""
                + jaasQuoted(saslPassword)
                + "\";");
      } else {
        p.put("sasl.jaas.config", saslMechanism.loginModule + " required;");
        p.put("sasl.client.callback.handler.class", saslMechanism.callbackHandler);
      }
    }
    if (truststore != null) {
      StoreType type = StoreType.of(truststore).orElseThrow();
      p.put("ssl.truststore.type", type.name());
      p.put("ssl.truststore.location", truststore.toString());
      if (truststorePassword != null) {
        p.put("ssl.truststore.password", truststorePassword);
      }
    }
    if (keystore != null) {
      StoreType type = keystoreType(keystore).orElseThrow();
      p.put("ssl.keystore.type", type.name());
      p.put("ssl.keystore.location", keystore.toString());
      // the constructor allows a password with PKCS12 only (Kafka refuses a PEM store password)
      if (keystorePassword != null) {
        p.put("ssl.keystore.password", keystorePassword);
      }
    }
    return p;
  }

  /** JAAS options are parsed with a StreamTokenizer: a backslash escapes a quote or a backslash. */
  private static String jaasQuoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Override
  public String toString() {
    return "KafkaSecurity{protocol="
        + protocol
        + (saslMechanism == null
            ? ""
            : !saslMechanism.hasLogin()
                ? ", sasl=" + saslMechanism.kafkaName()
                : ", sasl="
                    + saslMechanism.kafkaName()
                    + ", username="
                    + saslUsername
                    + ", password="
                    + Secrets.mask(saslPassword))
        + (truststore == null
            ? ""
            : ", truststore="
                + truststore
                + ", truststorePassword="
                + Secrets.mask(truststorePassword))
        + (keystore == null
            ? ""
            : ", keystore=" + keystore + ", keystorePassword=" + Secrets.mask(keystorePassword))
        + "}";
  }
}
