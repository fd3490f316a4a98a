package dev.recon.app.schedule;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one role waiting in an inbox: regular files directly in it (not in sub-folders, not
 * links) whose names match one of the glob patterns, in name order.
 */
final class InboxFiles {

  /** One run reconciles at most this many files; the rest wait for the next run. */
  static final int MAX_FILES_PER_RUN = 200;

  private InboxFiles() {}

  static List<Path> matching(Path inbox, List<String> patterns) throws IOException {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String p : patterns) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            && matchers.stream().anyMatch(m -> m.matches(entry.getFileName()))) {
          files.add(entry);
        }
      }
    }
    files.sort(null);
    return files.size() > MAX_FILES_PER_RUN ? files.subList(0, MAX_FILES_PER_RUN) : files;
  }
}
