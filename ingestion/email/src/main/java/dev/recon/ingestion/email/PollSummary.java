package dev.recon.ingestion.email;

import java.util.List;

/**
 * What one poll of a mailbox folder did.
 *
 * @param uidValidity the folder's UIDVALIDITY during this poll
 * @param lastUid the highest UID fully handled so far (the stored offset)
 * @param rescanned the stored offset was from another UIDVALIDITY, so the folder was scanned again
 * @param messagesExamined messages looked at in this poll
 * @param messagesProcessed messages whose attachments were published (or were already), then
 *     flagged or moved as processed
 * @param messagesRejected messages refused as a whole (sender, size, structure, nothing usable)
 * @param messagesSkipped messages already flagged by an earlier poll, or gone from the folder
 * @param attachmentsPublished files published to Kafka in this poll
 * @param attachmentsDuplicate files already published earlier (same content), not published again
 * @param attachmentsRefused files refused (type, name, size, zip limits)
 * @param publishedRawIds the raw ids published in this poll, in order
 */
public record PollSummary(
    String tenantId,
    String folder,
    long uidValidity,
    long lastUid,
    boolean rescanned,
    int messagesExamined,
    int messagesProcessed,
    int messagesRejected,
    int messagesSkipped,
    int attachmentsPublished,
    int attachmentsDuplicate,
    int attachmentsRefused,
    List<String> publishedRawIds) {
  public PollSummary {
    publishedRawIds = List.copyOf(publishedRawIds);
  }
}
