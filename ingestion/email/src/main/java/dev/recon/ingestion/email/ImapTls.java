package dev.recon.ingestion.email;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificate authorities the IMAPS connection trusts. The server's certificate chain and its
 * host name are always verified; this only chooses the trust anchors: the JVM's (public mail
 * providers) or a given trust store (a bank's private CA, or a test server's certificate).
 */
public final class ImapTls {

  private final SSLSocketFactory socketFactory;

  private ImapTls(SSLSocketFactory socketFactory) {
    this.socketFactory = socketFactory;
  }

  /** The JVM's default trust store. */
  public static ImapTls systemTrust() {
    return new ImapTls(null);
  }

  /**
   * Trusts exactly the certificates in {@code trustAnchors} (PKIX validation, so host name checks
   * still apply).
   */
  public static ImapTls trusting(KeyStore trustAnchors) throws GeneralSecurityException {
    Objects.requireNonNull(trustAnchors, "trustAnchors");
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustAnchors);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return new ImapTls(context.getSocketFactory());
  }

  /** Empty means the JVM default. */
  Optional<SSLSocketFactory> socketFactory() {
    return Optional.ofNullable(socketFactory);
  }
}
