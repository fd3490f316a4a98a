package dev.recon.reporting.export.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.recon.reporting.export.TenantReads;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the casework store ({@code casework} schema) holds about a subject: the exceptions, their
 * resolutions, comments and proposals; the canonical records concerned and every record matched
 * with them; those matches; the source documents the records were parsed from (original bytes); and
 * the audit events about the exceptions, proposals and matches.
 */
public final class CaseworkEvidence implements EvidenceSource {

  /** Source document bytes one pack carries at most; more is refused rather than truncated. */
  public static final long MAX_DOCUMENT_BYTES = 256L * 1024 * 1024;

  private record RecordKey(String kind, String id) implements Comparable<RecordKey> {
    @Override
    public int compareTo(RecordKey o) {
      int c = kind.compareTo(o.kind);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private static final String EXCEPTIONS = "select * from casework.exceptions x";
  private static final String RECORDS_IN =
      " (record_kind, record_id) in (select k, i from unnest(?::text[], ?::text[]) as u(k, i))";

  @Override
  public EvidenceFindings collect(
      TenantReads reads, EvidenceSubject subject, Set<String> ledgerSourceIds) throws SQLException {
    Set<RecordKey> records = new TreeSet<>();
    List<ObjectNode> exceptions;
    // Assigned per kind of subject below; empty stands for "not collected".
    List<ObjectNode> matches = List.of();
    List<ObjectNode> canonical = List.of();
    List<ObjectNode> audit = List.of();
    Set<String> matchIds = new TreeSet<>();
    if (subject instanceof EvidenceSubject.Period p) {
      OffsetDateTime from = p.from().atStartOfDay().atOffset(ZoneOffset.UTC);
      OffsetDateTime to = p.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      exceptions =
          JsonRows.query(
              reads,
              EXCEPTIONS + " where x.detected_at >= ? and x.detected_at < ? order by exception_id",
              from,
              to);
      matches =
          JsonRows.query(
              reads,
              "select * from casework.matches where matched_at >= ? and matched_at < ?"
                  + " order by match_id",
              from,
              to);
      canonical =
          JsonRows.query(
              reads,
              "select * from casework.canonical_records where event_date between ? and ?"
                  + " order by record_kind, record_id",
              p.from(),
              p.to());
      audit =
          JsonRows.query(
              reads,
              "select * from casework.audit_log where at >= ? and at < ? order by seq",
              from,
              to);
      matches.forEach(m -> matchIds.add(m.path("match_id").asText()));
    } else {
      records.addAll(direct(reads, subject));
      exceptions = exceptionsOf(reads, subject, records);
    }
    Set<String> exceptionIds = ids(exceptions, "exception_id");
    String[] exIds = exceptionIds.toArray(String[]::new);
    List<ObjectNode> resolutions =
        JsonRows.query(
            reads,
            "select * from casework.resolutions where exception_id = any(?)"
                + " order by resolved_at, resolution_id",
            (Object) exIds);
    List<ObjectNode> comments =
        JsonRows.query(
            reads,
            "select * from casework.comments where exception_id = any(?) order by at, comment_id",
            (Object) exIds);
    List<ObjectNode> proposals =
        JsonRows.query(
            reads,
            "select * from casework.proposals where exception_id = any(?)"
                + " order by proposed_at, proposal_id",
            (Object) exIds);
    Set<String> ledgerIds = new TreeSet<>(ledgerSourceIds);
    for (ObjectNode r : resolutions) {
      ledgerIds.add(r.path("resolution_id").asText());
      addIfPresent(matchIds, r, "match_id");
    }
    for (ObjectNode p : proposals) {
      ledgerIds.add(p.path("proposal_id").asText());
      addIfPresent(matchIds, p, "match_id");
    }
    if (!(subject instanceof EvidenceSubject.Period)) {
      for (ObjectNode x : exceptions) {
        records.add(new RecordKey(x.path("record_kind").asText(), x.path("record_id").asText()));
      }
      matchIds.addAll(matchesOf(reads, records));
      matches =
          JsonRows.query(
              reads,
              "select * from casework.matches where match_id = any(?) order by match_id",
              (Object) matchIds.toArray(String[]::new));
    }
    List<ObjectNode> members =
        JsonRows.query(
            reads,
            "select * from casework.match_members where match_id = any(?)"
                + " order by match_id, record_kind, record_id",
            (Object) matchIds.toArray(String[]::new));
    if (!(subject instanceof EvidenceSubject.Period)) {
      for (ObjectNode m : members) {
        records.add(new RecordKey(m.path("record_kind").asText(), m.path("record_id").asText()));
      }
      canonical =
          JsonRows.query(
              reads,
              "select * from casework.canonical_records where"
                  + RECORDS_IN
                  + " order by record_kind, record_id",
              records.stream().map(RecordKey::kind).toArray(String[]::new),
              records.stream().map(RecordKey::id).toArray(String[]::new));
      Set<String> auditSubjects = new TreeSet<>();
      exceptionIds.forEach(e -> auditSubjects.add("exception:" + e));
      proposals.forEach(p -> auditSubjects.add("proposal:" + p.path("proposal_id").asText()));
      matchIds.forEach(m -> auditSubjects.add("match:" + m));
      audit =
          JsonRows.query(
              reads,
              "select * from casework.audit_log where subject = any(?) order by seq",
              (Object) auditSubjects.toArray(String[]::new));
    }
    ledgerIds.addAll(matchIds);

    List<EvidenceItem> items = new ArrayList<>();
    items.add(jsonl("casework/exceptions.jsonl", exceptions));
    items.add(jsonl("casework/resolutions.jsonl", resolutions));
    items.add(jsonl("casework/comments.jsonl", comments));
    items.add(jsonl("casework/proposals.jsonl", proposals));
    items.add(jsonl("casework/matches.jsonl", matches));
    items.add(jsonl("casework/match_members.jsonl", members));
    items.add(jsonl("casework/canonical_records.jsonl", canonical));
    items.add(jsonl("audit/audit_log.jsonl", audit));
    items.addAll(documents(reads, canonical));
    return new EvidenceFindings(items, ledgerIds);
  }

  /** The records the subject names directly. */
  private static List<RecordKey> direct(TenantReads reads, EvidenceSubject subject)
      throws SQLException {
    String where;
    List<Object> params = new ArrayList<>();
    if (subject instanceof EvidenceSubject.PspReference r) {
      where =
          "record_kind = 'PSP_TXN' and (record_id = ? or starts_with(record_id, ? || ':')"
              + " or reference = ?)";
      params.add(r.reference());
      params.add(r.reference());
      params.add(r.reference());
    } else if (subject instanceof EvidenceSubject.Payout p) {
      where =
          "(record_kind = 'PAYOUT' and (record_id = ? or starts_with(record_id, ? || ':')))"
              + " or (record_kind = 'PSP_TXN' and (canonical -> 'batch_id' ->> 'string' = ?"
              + " or canonical ->> 'batch_id' = ?))";
      params.add(p.payoutId());
      params.add(p.payoutId());
      params.add(p.payoutId());
      params.add(p.payoutId());
    } else {
      return List.of();
    }
    List<RecordKey> keys = new ArrayList<>();
    try (PreparedStatement s =
        reads.prepare(
            "select record_kind, record_id from casework.canonical_records where " + where)) {
      for (int i = 0; i < params.size(); i++) {
        s.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          keys.add(new RecordKey(rs.getString(1), rs.getString(2)));
        }
      }
    }
    return keys;
  }

  private static List<ObjectNode> exceptionsOf(
      TenantReads reads, EvidenceSubject subject, Set<RecordKey> records) throws SQLException {
    String[] kinds = records.stream().map(RecordKey::kind).toArray(String[]::new);
    String[] ids = records.stream().map(RecordKey::id).toArray(String[]::new);
    if (subject instanceof EvidenceSubject.ExceptionCase e) {
      return JsonRows.query(reads, EXCEPTIONS + " where x.exception_id = ?", e.exceptionId());
    }
    if (subject instanceof EvidenceSubject.PspReference r) {
      return JsonRows.query(
          reads,
          EXCEPTIONS + " where x.reference = ? or" + RECORDS_IN + " order by exception_id",
          r.reference(),
          kinds,
          ids);
    }
    return JsonRows.query(
        reads, EXCEPTIONS + " where" + RECORDS_IN + " order by exception_id", kinds, ids);
  }

  private static Set<String> matchesOf(TenantReads reads, Set<RecordKey> records)
      throws SQLException {
    List<ObjectNode> rows =
        JsonRows.query(
            reads,
            "select distinct match_id from casework.match_members where" + RECORDS_IN,
            records.stream().map(RecordKey::kind).toArray(String[]::new),
            records.stream().map(RecordKey::id).toArray(String[]::new));
    return ids(rows, "match_id");
  }

  /** The original bytes of each document, with an index of what each one is. */
  private static List<EvidenceItem> documents(TenantReads reads, List<ObjectNode> canonical)
      throws SQLException {
    Set<String> shas = new LinkedHashSet<>(ids(canonical, "document_sha256"));
    List<ObjectNode> index = new ArrayList<>();
    TreeMap<String, byte[]> contents = new TreeMap<>();
    long total = 0;
    try (PreparedStatement s =
        reads.prepare(
            "select sha256, file_name, source, received_at, size_bytes, content"
                + " from casework.source_documents where sha256 = any(?) order by sha256")) {
      s.setArray(1, s.getConnection().createArrayOf("text", shas.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String sha = rs.getString(1);
          byte[] content = rs.getBytes(6);
          ObjectNode doc = JsonRows.JSON.createObjectNode();
          doc.put("sha256", sha);
          doc.put("file_name", rs.getString(2));
          doc.put("source", rs.getString(3));
          doc.put("received_at", rs.getObject(4, OffsetDateTime.class).toInstant().toString());
          doc.put("size_bytes", rs.getLong(5));
          doc.put("content_included", content != null);
          if (content != null) {
            total += content.length;
            if (total > MAX_DOCUMENT_BYTES) {
              throw new IllegalStateException(
                  "source documents exceed " + MAX_DOCUMENT_BYTES + " bytes for one pack");
            }
            doc.put("path", "documents/" + sha);
            contents.put(sha, content);
          }
          index.add(doc);
        }
      }
    }
    List<EvidenceItem> items = new ArrayList<>();
    items.add(jsonl("documents/index.jsonl", index));
    contents.forEach((sha, bytes) -> items.add(new EvidenceItem("documents/" + sha, bytes)));
    return items;
  }

  private static EvidenceItem jsonl(String path, List<ObjectNode> rows) {
    return new EvidenceItem(path, JsonRows.jsonLines(rows));
  }

  private static Set<String> ids(List<ObjectNode> rows, String field) {
    Set<String> ids = new TreeSet<>();
    for (ObjectNode row : rows) {
      addIfPresent(ids, row, field);
    }
    return ids;
  }

  private static void addIfPresent(Set<String> ids, ObjectNode row, String field) {
    if (row.hasNonNull(field)) {
      ids.add(row.get(field).asText());
    }
  }
}
