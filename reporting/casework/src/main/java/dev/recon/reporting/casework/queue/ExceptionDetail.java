package dev.recon.reporting.casework.queue;

import dev.recon.reporting.casework.audit.AuditEvent;
import dev.recon.reporting.casework.proposal.ProposalView;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one break for the drill-down page: the break, its record and where that came
 * from (document, line and the line's text), the matches its record is in, comments, proposals and
 * the audit events about it.
 */
public record ExceptionDetail(
    QueueRow exception,
    Optional<RecordView> record,
    Optional<SourceLine> source,
    List<MatchView> matches,
    List<CommentView> comments,
    List<ProposalView> proposals,
    List<AuditEvent> auditEvents) {

  public ExceptionDetail {
    matches = List.copyOf(matches);
    comments = List.copyOf(comments);
    proposals = List.copyOf(proposals);
    auditEvents = List.copyOf(auditEvents);
  }
}
