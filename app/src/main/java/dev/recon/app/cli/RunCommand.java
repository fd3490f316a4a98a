package dev.recon.app.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.recon.app.connectors.AppRolePool;
import dev.recon.app.connectors.ConnectorPlan;
import dev.recon.app.connectors.ConnectorRuntime;
import dev.recon.app.connectors.ConnectorsConfigFile;
import dev.recon.app.observability.AlarmMetrics;
import dev.recon.app.observability.ConnectorLag;
import dev.recon.app.observability.GaugeRefresh;
import dev.recon.app.observability.KnownTenants;
import dev.recon.app.observability.MetricsEndpoint;
import dev.recon.app.observability.ProcessMetrics;
import dev.recon.app.observability.ReadinessChecks;
import dev.recon.app.pipeline.CaseworkFeed;
import dev.recon.app.pipeline.SavepointStore;
import dev.recon.app.pipeline.StreamingPipeline;
import dev.recon.app.pipeline.TenantPostingTables;
import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.Platform;
import dev.recon.app.platform.PlatformConfig;
import dev.recon.app.platform.PlatformConfigFile;
import dev.recon.app.platform.PlatformConfigResolver;
import dev.recon.app.reports.ReportScheduler;
import dev.recon.app.reports.ReportScheduling;
import dev.recon.app.reports.ReportsConfigFile;
import dev.recon.app.reports.ReportsPlan;
import dev.recon.app.schedule.ReconciliationSchedule;
import dev.recon.app.schedule.ReconciliationsConfigFile;
import dev.recon.app.schedule.ScheduledReconciliation;
import dev.recon.app.ui.UserInterface;
import dev.recon.ingestion.schedule.ScheduledTask;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.matching.tolerant.ParsedRuleSet;
import dev.recon.matching.tolerant.ToleranceRuleYaml;
import dev.recon.reporting.casework.CaseStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code recon run}: the long-running platform. The streaming jobs resume from their latest
 * savepoints and take new ones when stopped (Ctrl-C or SIGTERM), so no open item is lost.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the platform until stopped: the connectors of the config file's connectors section"
            + " (webhook receiver, scheduled SFTP, email and API polls), streaming normalization"
            + " and matching jobs with the ledger sink over the main topics; embedded defaults for"
            + " whatever is not configured.")
public final class RunCommand implements Callable<Integer> {

  /** How late an event may arrive behind the newest one of its source and still be in order. */
  static final Duration MAX_OUT_OF_ORDERNESS = Duration.ofHours(1);

  /** A scheduled reconciliation holds its lease this long between renewals. */
  static final Duration RECONCILIATION_LEASE = Duration.ofMinutes(30);

  /** A source silent this long no longer holds back event time for the others. */
  static final Duration SOURCE_IDLENESS = Duration.ofMinutes(1);

  @Option(
      names = "--savepoints",
      paramLabel = "DIR",
      description = "where job savepoints are kept (default: <data dir>/savepoints)")
  Path savepointDir;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description =
          "matching rules for the streaming jobs (YAML): L2 tolerance rules under rules:, L4 cash"
              + " rules under cash:; default: the built-in rules")
  Path rules;

  @Option(
      names = "--metrics-port",
      defaultValue = "9464",
      paramLabel = "PORT",
      description =
          "port of the Prometheus endpoint GET /metrics on 127.0.0.1 (default: ${DEFAULT-VALUE};"
              + " -1 turns it off)")
  int metricsPort;

  @Option(
      names = "--ui-port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description =
          "port of the web UI and HTTP API on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free"
              + " one, -1 turns it off)")
  int uiPort;

  @Option(
      names = "--check",
      description =
          "check the configuration (platform settings, production-mode rules, every section of the"
              + " config file, posting tables, matching rules), list every problem, and exit without"
              + " starting anything: 0 when it would start, 2 otherwise")
  boolean check;

  @Mixin PostingRulesOption postingRules;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    // every problem of every source is listed before exiting, not only the first source's
    boolean valid = resolution.isValid();
    resolution.errors().forEach(e -> err.println("error: " + e));
    // one resolver (and one cache of fetched secrets) for every section and service below
    SecretResolver secrets = ConnectorRuntime.secretResolver(System.getenv(), Clock.systemUTC());
    Optional<TenantPostingTables> postingTables =
        postingRules.tables(System.getenv(), platform.configFile, err);
    valid &= postingTables.isPresent();
    MatchingSettings settings = MatchingSettings.streaming(MAX_OUT_OF_ORDERNESS, SOURCE_IDLENESS);
    if (rules != null) {
      ParsedRuleSet parsed = null;
      try {
        parsed = ToleranceRuleYaml.read(rules);
      } catch (IOException e) {
        err.println("error: " + rules + ": cannot read: " + e.getMessage());
        valid = false;
      }
      if (parsed != null && !parsed.isValid()) {
        parsed.errors().forEach(e -> err.println("error: " + rules + ": " + e));
        valid = false;
      } else if (parsed != null) {
        settings = settings.withToleranceRules(parsed.ruleSet()).withCashRules(parsed.cashRules());
      }
    }
    ConnectorPlan connectors = ConnectorPlan.none();
    List<ReconciliationSchedule> reconciliations = List.of();
    ReportsPlan reportsPlan = ReportsPlan.none();
    Optional<Path> configFile =
        PlatformConfigResolver.configFile(
            Optional.ofNullable(platform.configFile), System.getenv());
    if (configFile.isPresent()) {
      // one read of the file for its sections (the platform's own were read by resolve above)
      List<String> unreadable = new ArrayList<>();
      String name = configFile.get().toString();
      String text = PlatformConfigFile.readText(configFile.get(), unreadable).orElse(null);
      if (text == null) {
        unreadable.forEach(e -> err.println("error: " + e));
        return ExitCodes.USAGE;
      }
      ConnectorsConfigFile.Contents contents = ConnectorsConfigFile.parse(text, name);
      ReconciliationsConfigFile.Contents scheduled = ReconciliationsConfigFile.parse(text, name);
      ReportsConfigFile.Contents reports = ReportsConfigFile.parse(text, name, secrets);
      contents.errors().forEach(e -> err.println("error: " + e));
      scheduled.errors().forEach(e -> err.println("error: " + e));
      reports.errors().forEach(e -> err.println("error: " + e));
      valid &=
          contents.errors().isEmpty() && scheduled.errors().isEmpty() && reports.errors().isEmpty();
      if (valid) {
        connectors = contents.plan();
        reconciliations = scheduled.schedules();
        reportsPlan = reports.plan();
      }
    }
    if (!valid) {
      return ExitCodes.USAGE;
    }
    if (check) {
      PlatformConfig c = resolution.config();
      // what would start, without addresses that could carry credentials (a JDBC URL may)
      out.println(
          "configuration valid ("
              + configFile.map(Path::toString).orElse("no config file")
              + "): Kafka "
              + (c.kafkaBootstrap() == null ? "embedded" : c.kafkaBootstrap())
              + ", PostgreSQL "
              + (c.dbUrl() == null ? "embedded" : "configured")
              + ", Flink "
              + (c.flinkJobManager() == null ? "local" : c.flinkJobManager())
              + "; webhook receiver "
              + (connectors.webhooks().isPresent() ? "on" : "off")
              + ", "
              + connectors.polls().size()
              + " scheduled poll(s), "
              + reconciliations.size()
              + " scheduled reconciliation(s), "
              + reportsPlan.reports().size()
              + " report schedule(s), exports "
              + (reportsPlan.exports().isPresent() ? "scheduled" : "not scheduled")
              + "; nothing was started");
      return ExitCodes.OK;
    }
    Platform p;
    try {
      p = PlatformLauncher.start(resolution.config());
    } catch (Exception e) {
      err.println("error: the platform could not start: " + e);
      return ExitCodes.COULD_NOT_RUN;
    }
    SavepointStore savepoints =
        new SavepointStore(
            savepointDir != null ? savepointDir : p.dataRoot().resolve("savepoints"));
    MetricsEndpoint metrics = null;
    if (metricsPort >= 0) {
      try {
        metrics = MetricsEndpoint.start("127.0.0.1", metricsPort);
      } catch (IOException e) {
        err.println(
            "error: the metrics endpoint could not start on port " + metricsPort + ": " + e);
        p.close();
        return ExitCodes.COULD_NOT_RUN;
      }
    }
    StreamingPipeline pipeline;
    try {
      pipeline =
          StreamingPipeline.start(
              PlatformLauncher.pipelineContext(p),
              p.flink(),
              savepoints,
              settings,
              postingTables.get());
    } catch (Exception e) {
      err.println("error: the streaming jobs could not start: " + e);
      if (metrics != null) {
        metrics.close();
      }
      p.close();
      return ExitCodes.COULD_NOT_RUN;
    }
    HikariDataSource pool = null;
    ConnectorRuntime runtime = null;
    if (metrics != null) {
      ReadinessChecks.register(metrics, p, pipeline);
    }
    if (!connectors.isEmpty() || !reconciliations.isEmpty()) {
      try {
        var db = p.database();
        pool = AppRolePool.open(db.appUrl(), db.appUser(), db.appPassword());
        MeterRegistry meters = ProcessMetrics.registry();
        runtime =
            ConnectorRuntime.start(connectors, p.kafka(), pool, secrets, meters, Clock.systemUTC());
        for (ReconciliationSchedule r : reconciliations) {
          runtime.schedule(
              new ScheduledTask(
                  r.taskId(),
                  r.schedule(),
                  RECONCILIATION_LEASE,
                  new ScheduledReconciliation(
                          r, PlatformLauncher.pipelineContext(p), Clock.systemUTC())
                      .withPostingTables(postingTables.get())));
        }
      } catch (RuntimeException e) {
        err.println("error: the connectors could not start: " + e.getMessage());
        if (runtime != null) {
          runtime.close();
        }
        if (metrics != null) {
          metrics.close();
        }
        if (pool != null) {
          pool.close();
        }
        pipeline.stop();
        p.close();
        return ExitCodes.COULD_NOT_RUN;
      }
    }
    UserInterface startedUi = null;
    CaseworkFeed startedFeed = null;
    GaugeRefresh startedGauges = null;
    AlarmMetrics startedAlarms = AlarmMetrics.off();
    try {
      startedAlarms = resolution.cloudWatch().map(AlarmMetrics::publishTo).orElse(startedAlarms);
      // the gauges follow the tenants the feed stores, have UI users or are reconciled here
      KnownTenants tenants = KnownTenants.withMemberships(p.database().appDataSource());
      reconciliations.forEach(r -> tenants.add(r.tenant()));
      ConnectorLag lag = new ConnectorLag(Clock.systemUTC());
      // the UI's casework store follows the streaming results; storing is idempotent
      startedFeed =
          CaseworkFeed.start(
              p.kafka(),
              new CaseStore(p.database().appDataSource(), Clock.systemUTC()),
              lag,
              tenants,
              startedAlarms::deadLetters);
      if (metrics != null || startedAlarms.publishing()) {
        startedGauges =
            GaugeRefresh.casework(
                p.database().appDataSource(),
                tenants,
                lag,
                ProcessMetrics.registry(),
                startedAlarms::openBreaks);
      }
      if (uiPort >= 0) {
        startedUi = UserInterface.start(p, uiPort, Clock.systemUTC(), resolution.totpKeys());
      }
    } catch (RuntimeException e) {
      err.println("error: the web UI could not start: " + e.getMessage());
      if (startedGauges != null) {
        startedGauges.close();
      }
      if (startedFeed != null) {
        startedFeed.close();
      }
      startedAlarms.close();
      if (runtime != null) {
        runtime.close();
      }
      if (metrics != null) {
        metrics.close();
      }
      if (pool != null) {
        pool.close();
      }
      pipeline.stop();
      p.close();
      return ExitCodes.COULD_NOT_RUN;
    }
    UserInterface ui = startedUi;
    CaseworkFeed caseworkFeed = startedFeed;
    GaugeRefresh gauges = startedGauges;
    AlarmMetrics alarms = startedAlarms;
    ConnectorRuntime connectorRuntime = runtime;
    MetricsEndpoint metricsEndpoint = metrics;
    HikariDataSource connectorPool = pool;
    // scheduled daily reports, month-end packs and exports (the reports: and exports: sections)
    ReportScheduler reportScheduler =
        ReportScheduling.start(
            reportsPlan,
            p.database().appDataSource(),
            secrets,
            ProcessMetrics.registry(),
            Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("recon run: stopping connectors, then jobs with savepoints ...");
                  out.flush();
                  if (ui != null) {
                    ui.close();
                  }
                  if (gauges != null) {
                    gauges.close();
                  }
                  caseworkFeed.close();
                  reportScheduler.close();
                  alarms.close(); // after the feed: its last dead letters go out too
                  if (connectorRuntime != null) {
                    connectorRuntime.close();
                    connectorPool.close();
                  }
                  if (metricsEndpoint != null) {
                    metricsEndpoint.close();
                  }
                  try {
                    pipeline.stop();
                  } catch (Exception e) {
                    err.println("warning: " + e);
                  }
                  try {
                    p.close();
                  } catch (Exception e) {
                    err.println("warning: stopping the platform: " + e);
                  }
                  out.println("recon run: stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "recon-run-shutdown"));
    out.println("platform: " + p);
    pipeline
        .jobs()
        .forEach(
            j ->
                out.println(
                    "job "
                        + j.name()
                        + " running"
                        + j.restoredFrom().map(s -> " (resumed from " + s + ")").orElse("")));
    if (connectorRuntime != null) {
      connectorRuntime
          .webhookPort()
          .ifPresent(
              port ->
                  out.println("webhooks: POST http://<host>:" + port + "/webhooks/{tenant}/{psp}"));
      connectorRuntime.taskIds().forEach(t -> out.println("scheduled: " + t));
    }
    reportsPlan
        .reports()
        .forEach(
            r ->
                out.println("scheduled: report " + r.tenant() + " " + ReportScheduler.stateKey(r)));
    reportsPlan
        .exports()
        .ifPresent(e -> out.println("scheduled: exports " + e.schedule() + " of " + e.tenants()));
    if (metricsEndpoint != null) {
      out.println("metrics: GET http://127.0.0.1:" + metricsEndpoint.port() + MetricsEndpoint.PATH);
    }
    if (ui != null) {
      out.println("web UI: " + ui.url());
    }
    resolution.cloudWatch().ifPresent(t -> out.println("alarm metrics: " + t));
    out.println("recon run: running. Ctrl-C to stop.");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
