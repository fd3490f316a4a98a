package dev.recon.ledger.posting;

import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one member of a booking books: the legs for members of this kind (and, where the booking
 * books by event type, of this event type). No legs: the member books nothing in this booking.
 *
 * @param event the event type, or null where the booking books the kind by one rule (ANY)
 * @param description why the member books so; documentation of the table
 */
public record PostingRule(
    Booking booking,
    RecordKind member,
    PaymentEventType event,
    String description,
    List<PostingLeg> legs)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How a rule for every event type of a kind is written in the table. */
  public static final String ANY = "ANY";

  public PostingRule {
    Objects.requireNonNull(booking, "booking");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(description, "description");
    legs = List.copyOf(legs);
    if (booking.byEventType(member) == (event == null)) {
      throw new IllegalArgumentException(
          booking + " books " + member + (event == null ? " by event type" : " by one rule"));
    }
  }

  /** {@code SETTLEMENT PSP_TXN CHARGEBACK}, {@code CASH BANK_LINE ANY}. */
  public String key() {
    return booking + " " + member + " " + (event == null ? ANY : event.name());
  }
}
