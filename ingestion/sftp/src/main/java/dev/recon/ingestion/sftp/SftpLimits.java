package dev.recon.ingestion.sftp;

import java.time.Duration;

/**
 * Bounds of one source. {@code quietPeriod} is how long a file must have kept its size and mtime
 * (in addition to being unchanged across two polls) before it is taken: SFTP mtimes have a
 * resolution of one second, so two polls in quick succession alone prove little.
 */
public record SftpLimits(
    long maxFileBytes,
    int maxFilesPerPoll,
    Duration connectTimeout,
    Duration readTimeout,
    Duration quietPeriod) {

  public static final int DEFAULT_MAX_FILES_PER_POLL = 20;
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(30);

  /** The largest file a raw record may carry, the files-per-poll default and sane timeouts. */
  public static SftpLimits defaults() {
    return new SftpLimits(
        SftpSourceConfig.MAX_FILE_BYTES_CEILING,
        DEFAULT_MAX_FILES_PER_POLL,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_READ_TIMEOUT,
        DEFAULT_QUIET_PERIOD);
  }

  public SftpLimits withMaxFileBytes(long bytes) {
    return new SftpLimits(bytes, maxFilesPerPoll, connectTimeout, readTimeout, quietPeriod);
  }

  public SftpLimits withMaxFilesPerPoll(int files) {
    return new SftpLimits(maxFileBytes, files, connectTimeout, readTimeout, quietPeriod);
  }

  public SftpLimits withQuietPeriod(Duration period) {
    return new SftpLimits(maxFileBytes, maxFilesPerPoll, connectTimeout, readTimeout, period);
  }
}
