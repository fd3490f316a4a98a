package dev.recon.app.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.recon.app.demo.DemoDataGenerator.TenantFiles;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Loopback stand-ins for what a tenant's counterparties run, so that {@code recon demo} can show
 * data arriving through every connector kind: the tenant's own system drops expected payments on an
 * SFTP server, the bank mails its camt.053 statement, Adyen serves the settlement details report
 * over its report API, and Stripe sends a webhook. Credentials are random per demo and handed to
 * the connectors as {@code env:} references through {@link #secrets()}.
 */
public final class DemoConnectorStandIns implements AutoCloseable {

  static final String SFTP_USER = "erp-export";
  static final String IMAP_USER = "recon";
  static final String BANK_SENDER = "statements@bank.example";
  static final String ADYEN_PATH = "/reports/";

  private final SshServer sftp;
  private final KeyPair hostKey;
  private final GreenMail mail;
  private final HttpServer adyen;
  private final Map<String, String> secrets;
  private final String tenant;
  private final String merchantAccount;
  private final int batchNumber;

  private DemoConnectorStandIns(
      SshServer sftp,
      KeyPair hostKey,
      GreenMail mail,
      HttpServer adyen,
      Map<String, String> secrets,
      String tenant,
      String merchantAccount,
      int batchNumber) {
    this.sftp = sftp;
    this.hostKey = hostKey;
    this.mail = mail;
    this.adyen = adyen;
    this.secrets = secrets;
    this.tenant = tenant;
    this.merchantAccount = merchantAccount;
    this.batchNumber = batchNumber;
  }

  public static DemoConnectorStandIns start(
      Path dir, String tenant, String merchantAccount, TenantFiles files) throws Exception {
    Map<String, String> secrets =
        Map.of(
            "DEMO_SFTP_PASSWORD", random(),
            "DEMO_IMAP_PASSWORD", random(),
            "DEMO_ADYEN_KEY", random(),
            "DEMO_STRIPE_WHSEC", "whsec_" + random());

    Path root = Files.createDirectories(dir.resolve("sftp-root"));
    for (String folder : List.of("outgoing", "archive", "quarantine")) {
      Files.createDirectories(root.resolve(folder));
    }
    Files.copy(files.expected(), root.resolve("outgoing").resolve(files.expected().getFileName()));
    SimpleGeneratorHostKeyProvider keys =
        new SimpleGeneratorHostKeyProvider(dir.resolve("sftp-hostkey.ser"));
    KeyPair hostKey = keys.loadKeys(null).iterator().next();
    SshServer sftp = SshServer.setUpDefaultServer();
    sftp.setHost("127.0.0.1");
    sftp.setPort(0);
    sftp.setKeyPairProvider(keys);
    String sftpPassword = secrets.get("DEMO_SFTP_PASSWORD");
    sftp.setPasswordAuthenticator(
        (user, password, session) -> SFTP_USER.equals(user) && sftpPassword.equals(password));
    sftp.setFileSystemFactory(new VirtualFileSystemFactory(root));
    sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));

    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    HttpServer adyen = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] report = Files.readAllBytes(files.psp());
    String reportPath =
        ADYEN_PATH
            + merchantAccount
            + "/settlement_detail_report_batch_"
            + files.batchNumber()
            + ".csv";
    String adyenKey = secrets.get("DEMO_ADYEN_KEY");
    adyen.createContext(
        ADYEN_PATH,
        exchange -> {
          boolean found =
              exchange.getRequestURI().getPath().equals(reportPath)
                  && adyenKey.equals(exchange.getRequestHeaders().getFirst("X-API-Key"));
          exchange.sendResponseHeaders(found ? 200 : 404, found ? report.length : -1);
          if (found) {
            exchange.getResponseBody().write(report);
          }
          exchange.close();
        });
    try {
      sftp.start();
      mail.start();
      mail.setUser(
          IMAP_USER + "@" + tenant + ".example", IMAP_USER, secrets.get("DEMO_IMAP_PASSWORD"));
      mail.getUserManager().getUser(IMAP_USER).deliver(statementMail(tenant, files.bank(), mail));
      adyen.start();
    } catch (Exception e) {
      sftp.stop(true);
      mail.stop();
      adyen.stop(0);
      throw e;
    }
    return new DemoConnectorStandIns(
        sftp, hostKey, mail, adyen, secrets, tenant, merchantAccount, files.batchNumber());
  }

  private static MimeMessage statementMail(String tenant, Path statement, GreenMail mail)
      throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(BANK_SENDER));
    message.setRecipient(
        Message.RecipientType.TO, new InternetAddress(IMAP_USER + "@" + tenant + ".example"));
    message.setSubject("Account statement " + statement.getFileName());
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Your statement is attached.", "UTF-8");
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setDataHandler(
        new DataHandler(new ByteArrayDataSource(Files.readAllBytes(statement), "application/xml")));
    attachment.setFileName(statement.getFileName().toString());
    message.setContent(new MimeMultipart(text, attachment));
    message.saveChanges();
    return message;
  }

  /** The secret values the connectors' {@code env:} references name. */
  public Map<String, String> secrets() {
    return secrets;
  }

  /** The {@code connectors} section pointing every connector kind at these stand-ins. */
  public String connectorsYaml() {
    String knownHosts =
        "[127.0.0.1]:" + sftp.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    // yearly schedules: the demo runs each connector on demand, once its data is in place
    return """
        connectors:
          webhooks:
            host: 127.0.0.1
            port: 0
            tenants:
              - tenant: %1$s
                psps:
                  - {psp: stripe, scheme: stripe, secrets: ["env:DEMO_STRIPE_WHSEC"]}
          sftp:
            - tenant: %1$s
              source: erp-expected-payments
              schedule: "0 0 1 1 *"
              host: 127.0.0.1
              port: %2$d
              username: %3$s
              password: env:DEMO_SFTP_PASSWORD
              knownHosts: "%4$s"
              folder: /outgoing
              include: ["*.csv"]
              archiveFolder: /archive
              quarantineFolder: /quarantine
              formatHint: expected-csv
              quietPeriodSeconds: 0
          email:
            - tenant: %1$s
              schedule: "0 0 1 1 *"
              host: 127.0.0.1
              port: %5$d
              username: %6$s
              password: env:DEMO_IMAP_PASSWORD
              allowedSenders: ["@bank.example"]
              formatHint: camt053
              plainImapForDevelopmentOnly: true
          adyenReports:
            - tenant: %1$s
              schedule: "0 0 1 1 *"
              merchantAccount: %7$s
              apiKey: env:DEMO_ADYEN_KEY
              firstBatch: %8$d
              http:
                baseUrl: "http://127.0.0.1:%9$d/reports"
                allowPlainHttpOnLoopback: true
        """
        .formatted(
            tenant,
            sftp.getPort(),
            SFTP_USER,
            knownHosts,
            mail.getImap().getPort(),
            IMAP_USER,
            merchantAccount,
            batchNumber,
            adyen.getAddress().getPort());
  }

  /**
   * A Stripe charge for an order the tenant's system never expected: it arrives by webhook and
   * shows up as a break.
   */
  public String stripeChargeEvent(long epochSeconds) {
    return """
        {"id":"evt_demo_%1$s_1","object":"event","type":"charge.succeeded","created":%2$d,\
        "data":{"object":{"id":"ch_demo_%1$s_1","object":"charge","amount":4200,"currency":"eur",\
        "captured":true,"paid":true,"status":"succeeded","created":%2$d,\
        "metadata":{"order_id":"%3$s-WEB-1"}}}}"""
        .formatted(tenant, epochSeconds, tenant.toUpperCase(java.util.Locale.ROOT));
  }

  /** The {@code Stripe-Signature} header Stripe would send with {@code body}. */
  public String stripeSignature(String body, long epochSeconds) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            secrets.get("DEMO_STRIPE_WHSEC").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "t="
        + epochSeconds
        + ",v1="
        + HexFormat.of()
            .formatHex(mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  private static String random() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  @Override
  public void close() throws IOException {
    adyen.stop(0);
    mail.stop();
    sftp.stop(true);
  }
}
