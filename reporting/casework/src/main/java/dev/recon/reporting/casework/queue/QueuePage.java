package dev.recon.reporting.casework.queue;

import java.util.List;
import java.util.Optional;

/**
 * One page of the queue.
 *
 * @param nextPageToken where the next page starts, empty on the last page
 */
public record QueuePage(List<QueueRow> rows, Optional<String> nextPageToken) {

  public QueuePage {
    rows = List.copyOf(rows);
  }
}
