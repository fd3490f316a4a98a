package dev.recon.app.cli;

import dev.recon.app.connectors.ConnectorRuntime;
import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.app.reports.StorageLocation;
import dev.recon.reporting.export.evidence.EvidenceKey;
import dev.recon.reporting.export.evidence.EvidencePacks;
import dev.recon.reporting.export.evidence.EvidenceSubject;
import dev.recon.reporting.export.evidence.StoredPack;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon evidence}: an encrypted evidence pack for a dispute, chargeback or period. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description = {
      "Build an evidence pack for one exception, PSP reference, payout or period: the source"
          + " files, parsed records, matches, journal entries and audit trail in one zip with a"
          + " SHA-256 manifest, encrypted with AES-256-GCM under the key --key-ref names"
          + " (env:NAME, file:PATH or aws-sm:ID holding 32 bytes in base64)."
    })
final class EvidenceCommand implements Callable<Integer> {

  @Option(names = "--tenant", required = true, description = "the tenant")
  String tenant;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  static final class Subject {
    @Option(names = "--exception", paramLabel = "ID", description = "an exception id")
    String exception;

    @Option(names = "--psp-ref", paramLabel = "REF", description = "a PSP reference")
    String pspReference;

    @Option(names = "--payout", paramLabel = "ID", description = "a payout or batch id")
    String payout;

    @Option(
        names = "--period",
        paramLabel = "FROM..TO",
        description = "days, both included, e.g. 2026-11-01..2026-11-30")
    String period;
  }

  @Option(names = "--key-id", defaultValue = "default", description = "the key's name in the pack")
  String keyId;

  @Option(names = "--key-ref", required = true, description = "secret reference of the key")
  String keyReference;

  @Option(names = "--to", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX")
  String to;

  @Option(names = "--s3-endpoint", paramLabel = "URL", description = "S3-compatible endpoint")
  URI s3Endpoint;

  @Option(
      names = "--region",
      defaultValue = StorageLocation.DEFAULT_REGION,
      description = "AWS region")
  String region;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StorageLocation destination;
    try {
      destination = ExportTargets.location(to, s3Endpoint, region);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    EvidenceSubject what;
    EvidenceKey key;
    try {
      what = subject();
      byte[] raw =
          Base64.getDecoder()
              .decode(
                  ConnectorRuntime.secretResolver(System.getenv(), Clock.systemUTC())
                      .resolve(keyReference)
                      .reveal()
                      .trim());
      key = new EvidenceKey(keyId, raw);
    } catch (RuntimeException e) {
      // never echo the key: only which option was wrong
      err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    try (Platform p = PlatformLauncher.start(resolution.config())) {
      StoredPack pack =
          EvidencePacks.standard(p.database().appDataSource(), Clock.systemUTC())
              .build(tenant, what, key, destination.exportTarget());
      out.println(
          "evidence pack "
              + pack.key()
              + " ("
              + pack.bytes()
              + " bytes, sha256 "
              + pack.sha256()
              + ")");
      return ExitCodes.OK;
    }
  }

  private EvidenceSubject subject() {
    if (subject.exception != null) {
      return new EvidenceSubject.ExceptionCase(subject.exception);
    }
    if (subject.pspReference != null) {
      return new EvidenceSubject.PspReference(subject.pspReference);
    }
    if (subject.payout != null) {
      return new EvidenceSubject.Payout(subject.payout);
    }
    String[] days = subject.period.split("\\.\\.", 2);
    if (days.length != 2) {
      throw new IllegalArgumentException("--period FROM..TO");
    }
    return new EvidenceSubject.Period(LocalDate.parse(days[0]), LocalDate.parse(days[1]));
  }
}
