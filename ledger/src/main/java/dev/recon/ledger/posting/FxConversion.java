package dev.recon.ledger.posting;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The legs a settled PSP row books on top of its rule when the PSP converted it, i.e. its net
 * currency differs from its gross currency: the gross leaves the receivable in its currency and
 * what it became enters in the settlement currency, through an explicit FX account.
 */
public record FxConversion(String description, List<PostingLeg> legs) implements Serializable {

  private static final long serialVersionUID = 1L;

  public FxConversion {
    Objects.requireNonNull(description, "description");
    legs = List.copyOf(legs);
  }
}
