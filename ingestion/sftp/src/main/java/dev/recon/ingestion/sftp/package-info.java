/**
 * The SFTP poller: per tenant and source, takes stable files from a remote folder (JSch, host key
 * always checked), publishes each whole file as one {@code RawRecord}, dedupes by content hash,
 * archives or quarantines it, and keeps its progress in PostgreSQL so a crash loses and doubles
 * nothing.
 *
 * <p>Entry point: build a {@link dev.recon.ingestion.sftp.SftpSourceConfig} (check it with {@code
 * problems(mode)} at start-up), then {@code new SftpPoller(config, mode, publisher, offsets,
 * published, audit, secrets, clock).pollOnce()} on the source's schedule; it returns a {@link
 * dev.recon.ingestion.sftp.PollSummary} or throws {@link
 * dev.recon.ingestion.sftp.SftpConnectionException} when the server could not be used.
 *
 * <p>Pure parts, unit-tested: {@link dev.recon.ingestion.sftp.StabilityTracker}, {@link
 * dev.recon.ingestion.sftp.RemotePaths}, {@link dev.recon.ingestion.sftp.IncludePatterns}, {@link
 * dev.recon.ingestion.sftp.ArchiveNames}, {@link dev.recon.ingestion.sftp.TransferProgress} and the
 * config validation. The I/O shell is {@code RemoteFolder} (JSch) and {@code FileTransfer}.
 */
package dev.recon.ingestion.sftp;
