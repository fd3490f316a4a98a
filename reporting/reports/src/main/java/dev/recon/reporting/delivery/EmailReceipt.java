package dev.recon.reporting.delivery;

import java.util.List;

/**
 * What one report email carried.
 *
 * @param attached file names attached
 * @param linked file names left out because of the attachment size limit, listed in the body with
 *     where they are stored
 */
public record EmailReceipt(List<String> recipients, List<String> attached, List<String> linked) {
  public EmailReceipt {
    recipients = List.copyOf(recipients);
    attached = List.copyOf(attached);
    linked = List.copyOf(linked);
  }
}
