package dev.recon.ingestion.email;

import java.util.ArrayList;
import java.util.List;

/** What a message's attachments yielded: files to publish and files refused with why. */
public record Extraction(List<AcceptedAttachment> accepted, List<AttachmentRefusal> refusals) {
  public Extraction {
    accepted = List.copyOf(accepted);
    refusals = List.copyOf(refusals);
  }

  static Extraction refused(AttachmentRefusal refusal) {
    return new Extraction(List.of(), List.of(refusal));
  }

  Extraction plus(Extraction other) {
    List<AcceptedAttachment> a = new ArrayList<>(accepted);
    a.addAll(other.accepted);
    List<AttachmentRefusal> r = new ArrayList<>(refusals);
    r.addAll(other.refusals);
    return new Extraction(a, r);
  }
}
