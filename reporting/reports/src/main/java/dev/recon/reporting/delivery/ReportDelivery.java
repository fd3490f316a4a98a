package dev.recon.reporting.delivery;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores a report bundle at its destination and then, when recipients are named and mail is
 * configured, mails it. Storing comes first: the mail names where the files are, and a mail failure
 * leaves the reports stored.
 */
public final class ReportDelivery {

  private final ReportDestination destination;
  private final Optional<EmailDelivery> email;

  public ReportDelivery(ReportDestination destination, Optional<EmailDelivery> email) {
    this.destination = Objects.requireNonNull(destination, "destination");
    this.email = Objects.requireNonNull(email, "email");
  }

  /**
   * @param recipients who gets the mail; empty for none
   * @throws IllegalStateException when recipients are named but no mail server is configured
   */
  public DeliveryReceipt deliver(ReportBundle bundle, List<String> recipients)
      throws IOException, MessagingException {
    if (!recipients.isEmpty() && email.isEmpty()) {
      throw new IllegalStateException("recipients named but no mail server configured");
    }
    List<String> stored = destination.store(bundle);
    if (recipients.isEmpty()) {
      return new DeliveryReceipt(stored, Optional.empty());
    }
    return new DeliveryReceipt(
        stored, Optional.of(email.orElseThrow().send(bundle, recipients, stored)));
  }
}
