package dev.recon.ingestion.email;

import dev.recon.schemas.kafka.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-mailbox limits on what a sender can make the connector read, hold in memory and publish.
 * Every value has a default and a hard ceiling; {@link #problems()} lists every value outside its
 * range.
 *
 * @param maxMessageBytes the whole message as the server reports it (RFC822.SIZE)
 * @param maxAttachmentsPerMessage attachments of one message, zip archives counting as one
 * @param maxAttachmentBytes one attachment or one zip entry after decoding; each becomes one raw
 *     record, so it cannot exceed {@link Topics#MAX_RAW_RECORD_BYTES}
 * @param maxZipEntries entries of one archive, directories included
 * @param maxZipUncompressedBytes all entries of one archive after inflating
 * @param maxZipCompressionRatio inflated bytes per byte of archive: the zip-bomb guard
 * @param maxMessagesPerPoll messages examined in one poll; the rest wait for the next
 */
public record MailLimits(
    long maxMessageBytes,
    int maxAttachmentsPerMessage,
    int maxAttachmentBytes,
    int maxZipEntries,
    long maxZipUncompressedBytes,
    int maxZipCompressionRatio,
    int maxMessagesPerPoll) {

  public static final long DEFAULT_MAX_MESSAGE_BYTES = 25L * 1024 * 1024;
  public static final long CEILING_MAX_MESSAGE_BYTES = 100L * 1024 * 1024;

  public static final int DEFAULT_MAX_ATTACHMENTS_PER_MESSAGE = 10;
  public static final int CEILING_MAX_ATTACHMENTS_PER_MESSAGE = 100;

  public static final int DEFAULT_MAX_ATTACHMENT_BYTES = Topics.MAX_RAW_RECORD_BYTES;
  public static final int CEILING_MAX_ATTACHMENT_BYTES = Topics.MAX_RAW_RECORD_BYTES;

  public static final int DEFAULT_MAX_ZIP_ENTRIES = 100;
  public static final int CEILING_MAX_ZIP_ENTRIES = 10_000;

  /**
   * Everything inflated is held in memory until published, so this bounds the heap a poll needs.
   */
  public static final long DEFAULT_MAX_ZIP_UNCOMPRESSED_BYTES = 32L * 1024 * 1024;

  public static final long CEILING_MAX_ZIP_UNCOMPRESSED_BYTES = 128L * 1024 * 1024;

  /** Settlement CSVs deflate about 5-15 times; a ratio near 1000 is a bomb, not a report. */
  public static final int DEFAULT_MAX_ZIP_COMPRESSION_RATIO = 100;

  public static final int CEILING_MAX_ZIP_COMPRESSION_RATIO = 1_000;

  public static final int DEFAULT_MAX_MESSAGES_PER_POLL = 100;
  public static final int CEILING_MAX_MESSAGES_PER_POLL = 10_000;

  public static MailLimits defaults() {
    return new MailLimits(
        DEFAULT_MAX_MESSAGE_BYTES,
        DEFAULT_MAX_ATTACHMENTS_PER_MESSAGE,
        DEFAULT_MAX_ATTACHMENT_BYTES,
        DEFAULT_MAX_ZIP_ENTRIES,
        DEFAULT_MAX_ZIP_UNCOMPRESSED_BYTES,
        DEFAULT_MAX_ZIP_COMPRESSION_RATIO,
        DEFAULT_MAX_MESSAGES_PER_POLL);
  }

  public MailLimits withMaxMessageBytes(long value) {
    return new MailLimits(
        value,
        maxAttachmentsPerMessage,
        maxAttachmentBytes,
        maxZipEntries,
        maxZipUncompressedBytes,
        maxZipCompressionRatio,
        maxMessagesPerPoll);
  }

  public MailLimits withMaxAttachmentsPerMessage(int value) {
    return new MailLimits(
        maxMessageBytes,
        value,
        maxAttachmentBytes,
        maxZipEntries,
        maxZipUncompressedBytes,
        maxZipCompressionRatio,
        maxMessagesPerPoll);
  }

  public MailLimits withMaxAttachmentBytes(int value) {
    return new MailLimits(
        maxMessageBytes,
        maxAttachmentsPerMessage,
        value,
        maxZipEntries,
        maxZipUncompressedBytes,
        maxZipCompressionRatio,
        maxMessagesPerPoll);
  }

  public MailLimits withMaxZipEntries(int value) {
    return new MailLimits(
        maxMessageBytes,
        maxAttachmentsPerMessage,
        maxAttachmentBytes,
        value,
        maxZipUncompressedBytes,
        maxZipCompressionRatio,
        maxMessagesPerPoll);
  }

  public MailLimits withMaxZipUncompressedBytes(long value) {
    return new MailLimits(
        maxMessageBytes,
        maxAttachmentsPerMessage,
        maxAttachmentBytes,
        maxZipEntries,
        value,
        maxZipCompressionRatio,
        maxMessagesPerPoll);
  }

  public MailLimits withMaxZipCompressionRatio(int value) {
    return new MailLimits(
        maxMessageBytes,
        maxAttachmentsPerMessage,
        maxAttachmentBytes,
        maxZipEntries,
        maxZipUncompressedBytes,
        value,
        maxMessagesPerPoll);
  }

  public MailLimits withMaxMessagesPerPoll(int value) {
    return new MailLimits(
        maxMessageBytes,
        maxAttachmentsPerMessage,
        maxAttachmentBytes,
        maxZipEntries,
        maxZipUncompressedBytes,
        maxZipCompressionRatio,
        value);
  }

  /** Every value outside 1..ceiling, as readable sentences; empty when all are valid. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    check(problems, "maxMessageBytes", maxMessageBytes, CEILING_MAX_MESSAGE_BYTES);
    check(
        problems,
        "maxAttachmentsPerMessage",
        maxAttachmentsPerMessage,
        CEILING_MAX_ATTACHMENTS_PER_MESSAGE);
    check(problems, "maxAttachmentBytes", maxAttachmentBytes, CEILING_MAX_ATTACHMENT_BYTES);
    check(problems, "maxZipEntries", maxZipEntries, CEILING_MAX_ZIP_ENTRIES);
    check(
        problems,
        "maxZipUncompressedBytes",
        maxZipUncompressedBytes,
        CEILING_MAX_ZIP_UNCOMPRESSED_BYTES);
    check(
        problems,
        "maxZipCompressionRatio",
        maxZipCompressionRatio,
        CEILING_MAX_ZIP_COMPRESSION_RATIO);
    check(problems, "maxMessagesPerPoll", maxMessagesPerPoll, CEILING_MAX_MESSAGES_PER_POLL);
    return problems;
  }

  private static void check(List<String> problems, String name, long value, long ceiling) {
    if (value < 1 || value > ceiling) {
      problems.add("limits." + name + " must be between 1 and " + ceiling + ", was " + value);
    }
  }
}
