package dev.recon.matching.model;

import dev.recon.schemas.ExceptionResolution;
import dev.recon.schemas.Match;
import dev.recon.schemas.RecordKind;
import dev.recon.schemas.ResolutionKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A break that stopped being open, and why: a break is never deleted, its resolution is appended.
 *
 * @param matchId the match or decision match that resolved it, null for none
 * @param exceptionDetectedAt when the break had been raised (event time)
 * @param resolvedAt event time of the resolving match or approval
 */
public record BreakResolution(
    String tenantId,
    String exceptionId,
    ResolutionKind how,
    String matchId,
    RecordKind recordKind,
    String recordId,
    Instant exceptionDetectedAt,
    Instant resolvedAt,
    String detail) {

  public BreakResolution {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(exceptionId, "exceptionId");
    Objects.requireNonNull(how, "how");
    Objects.requireNonNull(recordKind, "recordKind");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(exceptionDetectedAt, "exceptionDetectedAt");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    if (detail != null && detail.length() > Break.MAX_DETAIL_CHARS) {
      detail = detail.substring(0, Break.MAX_DETAIL_CHARS - 3) + "...";
    }
  }

  /**
   * The break {@code exceptionId}, raised at {@code detectedAt} for the record {@code kind:id},
   * resolved by {@code match}, made when the record's counterpart arrived after the break.
   */
  public static BreakResolution lateMatch(
      Match match, String exceptionId, RecordKind kind, String recordId, Instant detectedAt) {
    return new BreakResolution(
        match.getTenantId(),
        exceptionId,
        ResolutionKind.LATE_MATCH,
        match.getMatchId(),
        kind,
        recordId,
        detectedAt,
        match.getMatchedAt(),
        "matched late at "
            + match.getLevel()
            + " by rule "
            + match.getRule()
            + " after the break was raised; "
            + match.getMembers().size()
            + " records in match "
            + match.getMatchId());
  }

  public String resolutionId() {
    return DeterministicIds.resolutionId(tenantId, exceptionId, how.name(), matchId);
  }

  public ExceptionResolution toAvro() {
    return ExceptionResolution.newBuilder()
        .setResolutionId(resolutionId())
        .setExceptionId(exceptionId)
        .setTenantId(tenantId)
        .setHow(how)
        .setMatchId(matchId)
        .setRecordKind(recordKind)
        .setRecordId(recordId)
        .setExceptionDetectedAt(exceptionDetectedAt)
        .setResolvedAt(resolvedAt)
        .setDetail(detail)
        .build();
  }
}
