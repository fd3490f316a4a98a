package dev.recon.reporting.delivery;

import java.io.IOException;
import java.util.List;

/** Where reports are kept: a folder or an S3 bucket. */
public interface ReportDestination {

  /**
   * Stores every document of the bundle, replacing files of an earlier delivery of the same bundle.
   *
   * @return where each document now is (a path or an s3:// URI), in the bundle's order
   */
  List<String> store(ReportBundle bundle) throws IOException;
}
