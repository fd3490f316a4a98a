package dev.recon.matching.job;

import dev.recon.schemas.JournalEntry;
import dev.recon.schemas.Match;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Books every match through the poster the application supplied. */
final class PostJournalEntries implements FlatMapFunction<Match, JournalEntry> {

  private static final long serialVersionUID = 1L;

  private final JournalPoster poster;

  PostJournalEntries(JournalPoster poster) {
    this.poster = Objects.requireNonNull(poster, "poster");
  }

  @Override
  public void flatMap(Match match, Collector<JournalEntry> out) {
    List<JournalEntry> entries =
        Objects.requireNonNull(poster.entriesFor(match), "poster returned null");
    entries.forEach(out::collect);
  }
}
