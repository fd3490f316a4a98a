package dev.recon.reporting.casework.queue;

import java.time.Instant;

/** A comment on a break. */
public record CommentView(String commentId, String author, String body, Instant at) {}
