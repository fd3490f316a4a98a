package dev.recon.app.cli;

import dev.recon.ingestion.file.RawFile;
import dev.recon.normalization.Parsers;
import dev.recon.normalization.format.Format;
import dev.recon.normalization.format.FormatDetector;
import dev.recon.normalization.format.ParseResult;
import dev.recon.normalization.inspect.InspectJson;
import dev.recon.schemas.Provenance;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code recon inspect FILE}: parse one file, canonical records on stdout, the rest on stderr. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Parse one file and print its canonical records as JSON lines on stdout.",
      "Control totals, data-quality findings and errors (with file, line and field) go to stderr."
    })
final class InspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "the file to parse")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "F",
      description = "force a format instead of detecting it from the content")
  String format;

  @Option(names = "--tenant", defaultValue = "inspect", description = "tenant id to stamp")
  String tenant;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    byte[] bytes;
    try {
      if (Files.size(file) > Topics.MAX_RAW_RECORD_BYTES) {
        err.println(file + ": file is over the limit of " + Topics.MAX_RAW_RECORD_BYTES + " bytes");
        return ExitCodes.COULD_NOT_RUN;
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      err.println(file + ": cannot read: " + e.getMessage());
      return ExitCodes.COULD_NOT_RUN;
    }
    Optional<Format> chosen =
        format != null ? Format.fromName(format) : FormatDetector.detect(bytes);
    if (chosen.isEmpty()) {
      err.println(
          format != null
              ? file + ": unknown --format '" + format + "'; known: " + Format.cliNames()
              : file
                  + ":1: "
                  + FormatDetector.unknownFormatMessage(file.getFileName().toString(), bytes)
                  + "; use --format to force one of "
                  + Format.cliNames());
      return ExitCodes.COULD_NOT_RUN;
    }
    Provenance provenance =
        Provenance.newBuilder()
            .setTenantId(tenant)
            .setSource("file:inspect")
            .setFileName(file.getFileName().toString())
            .setContentSha256(RawFile.sha256Hex(bytes))
            .setLine(0)
            .setReceivedAt(Instant.now())
            .build();
    ParseResult result = Parsers.forFormat(chosen.get()).parse(bytes, provenance);
    result.records().forEach(r -> out.println(InspectJson.toJsonLine(r)));
    out.flush();
    err.println("format: " + chosen.get().cliName());
    result.controlTotals().forEach(t -> err.println("control total: " + t));
    result.findings().forEach(f -> err.println("data quality: " + f));
    result.errors().forEach(e -> err.println("error: " + e));
    err.println("records: " + result.records().size() + ", errors: " + result.errors().size());
    err.flush();
    return ExitCodes.OK;
  }
}
