package dev.recon.reporting.delivery;

import java.util.List;
import java.util.Optional;

/**
 * What a delivery did.
 *
 * @param storedAt where each document is, in the bundle's order
 * @param email what was mailed, empty when nobody was to be mailed
 */
public record DeliveryReceipt(List<String> storedAt, Optional<EmailReceipt> email) {
  public DeliveryReceipt {
    storedAt = List.copyOf(storedAt);
  }
}
