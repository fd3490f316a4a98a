package dev.recon.app.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recon.ingestion.webhook.config.SignatureScheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorsConfigFileTest {

  private static final String VALID =
      """
      kafka: {bootstrap: "b1:9092"}     # another part of recon's config: left alone here
      connectors:
        zone: Europe/Amsterdam
        webhooks:
          port: 0
          tenants:
            - tenant: acme
              psps:
                - {psp: stripe, scheme: stripe, secrets: ["env:ACME_STRIPE_WHSEC"]}
                - {psp: mtn-momo, scheme: mtn_momo}
        email:
          - tenant: acme
            schedule: "*/5 * * * *"
            host: imap.example.com
            username: recon@example.com
            password: env:ACME_IMAP_PASSWORD
            allowedSenders: [reports@psp.example, "@bank.example"]
            allowedTypes: [csv, zip]
        sftp:
          - tenant: acme
            source: adyen-settlement
            schedule: "*/10 * * * *"
            host: sftp.example.com
            username: acme
            privateKey: file:/run/secrets/acme_sftp_key
            knownHostsFile: /etc/recon/known_hosts
            folder: /outgoing
            include: ["*.csv"]
            archiveFolder: /outgoing/archive
            quarantineFolder: /outgoing/quarantine
        stripe:
          - {tenant: acme, schedule: "15 * * * *", secretKey: "env:ACME_STRIPE_KEY"}
        adyenReports:
          - tenant: acme
            schedule: "30 6 * * *"
            merchantAccount: AcmeShopEU
            apiKey: env:ACME_ADYEN_KEY
            firstBatch: 5130
      """;

  @Test
  void aFullSectionBecomesOneWebhookReceiverAndAPollPerSource() {
    ConnectorsConfigFile.Contents c = ConnectorsConfigFile.parse(VALID, "recon.yaml");

    assertThat(c.errors()).isEmpty();
    var webhooks = c.plan().webhooks().orElseThrow();
    assertThat(webhooks.port()).isZero();
    assertThat(webhooks.tenants().get(0).psps())
        .extracting(p -> p.scheme())
        .containsExactly(SignatureScheme.STRIPE, SignatureScheme.MTN_MOMO);
    assertThat(c.plan().polls())
        .extracting(PlannedPoll::taskId)
        .containsExactly(
            "email:acme:email:INBOX",
            "sftp:acme:adyen-settlement",
            "api:stripe:acme",
            "api:adyen:acme:AcmeShopEU");
    assertThat(c.plan().polls().get(0).schedule().zone().getId()).isEqualTo("Europe/Amsterdam");
  }

  @Test
  void theExampleInTheRepositoryIsValid() {
    // surefire runs in the module folder; the example is documented in the README
    ConnectorsConfigFile.Contents c =
        ConnectorsConfigFile.read(java.nio.file.Path.of("../examples/recon-run.yaml"));
    assertThat(c.errors()).isEmpty();
    assertThat(c.plan().webhooks()).isPresent();
    assertThat(c.plan().polls()).hasSize(4);
  }

  @Test
  void noSectionMeansNoConnectors() {
    ConnectorsConfigFile.Contents c = ConnectorsConfigFile.parse("kafka: {}\n", "recon.yaml");
    assertThat(c.errors()).isEmpty();
    assertThat(c.plan().isEmpty()).isTrue();
  }

  @Test
  void everyProblemIsListedAtOnceWithItsPlaceAndNoSecretIsEchoed() {
    String yaml =
        """
        connectors:
          zone: Mars/Olympus
          webhooks:
            tenants:
              - tenant: acme
                psps:
                  - {psp: stripe, scheme: stripee, secrets: ["env:X"]}
                  - {psp: adyen, scheme: adyen}
          email:
            - tenant: acme
              schedule: "every minute"
              host: imap.example.com
              username: recon@example.com
              password: "hunter2-literal-password"
              allowedSenders: []
          sftp:
            - tenant: acme
              source: s1
              schedule: "0 * * * *"
              host: sftp.example.com
              username: acme
              password: env:P
              privateKey: file:/k
              folder: /in
              archiveFolder: /in/a
              quarantineFolder: /in/q
              trustOnFirstUseForDevelopment: true
          adyenReports:
            - {tenant: acme, schedule: "0 6 * * *", merchantAccount: M, apiKey: env:K}
        """;
    List<String> errors = ConnectorsConfigFile.parse(yaml, "recon.yaml").errors();

    assertThat(errors)
        .anySatisfy(e -> assertThat(e).contains("connectors.zone").contains("Mars/Olympus"))
        .anySatisfy(e -> assertThat(e).contains("psps[stripe].scheme").contains("stripee"))
        .anySatisfy(e -> assertThat(e).contains("ADYEN webhooks need a secret reference"))
        .anySatisfy(e -> assertThat(e).contains("connectors.email[0].schedule"))
        .anySatisfy(e -> assertThat(e).contains("connectors.email[0]").contains("password"))
        .anySatisfy(e -> assertThat(e).contains("connectors.sftp[0]").contains("not both"))
        .anySatisfy(e -> assertThat(e).contains("connectors.adyenReports[0].firstBatch"));
    assertThat(errors).allSatisfy(e -> assertThat(e).doesNotContain("hunter2"));
    assertThat(errors).allSatisfy(e -> assertThat(e).startsWith("recon.yaml: "));
  }

  @Test
  void anUnknownKeyIsNamedWithItsPath() {
    String yaml =
        """
        connectors:
          email:
            - tenant: acme
              hots: imap.example.com
        """;
    assertThat(ConnectorsConfigFile.parse(yaml, "recon.yaml").errors())
        .singleElement()
        .satisfies(e -> assertThat(e).contains("connectors.email[0].hots").contains("unknown key"));
  }

  @Test
  void twoConnectorsOnTheSameSourceAreRefused() {
    String stripe = "    - {tenant: acme, schedule: \"15 * * * *\", secretKey: \"env:K\"}\n";
    String yaml = "connectors:\n  stripe:\n" + stripe + stripe;
    assertThat(ConnectorsConfigFile.parse(yaml, "recon.yaml").errors())
        .singleElement()
        .satisfies(e -> assertThat(e).contains("api:stripe:acme"));
  }
}
