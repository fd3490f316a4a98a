package dev.recon.app.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How every Kafka client of recon authenticates and encrypts: the security protocol, SASL login and
 * the truststore. One value shared by admin clients, consumers, producers and the Flink jobs'
 * sources and sinks, so no client is left on a plaintext connection by accident.
 *
 * @param protocol the Kafka {@code security.protocol}
 * @param saslMechanism SASL mechanism; required with SASL_SSL and SASL_PLAINTEXT, null otherwise
 * @param saslUsername SASL login; required with a mechanism that has one, null for MSK IAM
 * @param saslPassword SASL password (already resolved from its secret reference); required with a
 *     mechanism that has a login, null for MSK IAM
 * @param truststore CA certificates to trust (PEM or PKCS12); null: the JVM's default trust
 * @param truststorePassword password of a PKCS12 truststore; null for PEM
 */
public record KafkaSecurity(
    Protocol protocol,
    SaslMechanism saslMechanism,
    String saslUsername,
    String saslPassword,
    Path truststore,
    String truststorePassword) {

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

  /** The type Kafka needs for a truststore file, from its name. */
  enum TruststoreType {
    PEM,
    PKCS12;

    static Optional<TruststoreType> of(Path file) {
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
      new KafkaSecurity(Protocol.PLAINTEXT, null, null, null, null, null);

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
    check(truststore == null || TruststoreType.of(truststore).isPresent(), "truststore type");
    check(truststore != null || truststorePassword == null, "truststore password alone");
  }

  private static void check(boolean valid, String what) {
    if (!valid) {
      throw new IllegalArgumentException("Invalid Kafka security: " + what);
    }
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
      TruststoreType type = TruststoreType.of(truststore).orElseThrow();
      p.put("ssl.truststore.type", type.name());
      p.put("ssl.truststore.location", truststore.toString());
      if (truststorePassword != null) {
        p.put("ssl.truststore.password", truststorePassword);
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
        + "}";
  }
}
