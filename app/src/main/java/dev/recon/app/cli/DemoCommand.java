package dev.recon.app.cli;

import dev.recon.app.demo.DemoConnectorDelivery;
import dev.recon.app.demo.DemoConnectorStandIns;
import dev.recon.app.demo.DemoDataGenerator;
import dev.recon.app.demo.DemoIndexPage;
import dev.recon.app.observability.ConnectorLag;
import dev.recon.app.observability.GaugeRefresh;
import dev.recon.app.observability.KnownTenants;
import dev.recon.app.observability.MetricsEndpoint;
import dev.recon.app.pipeline.CaseworkFeed;
import dev.recon.app.pipeline.ReconcileRequest;
import dev.recon.app.pipeline.ReconcileResult;
import dev.recon.app.pipeline.ReconcileRun;
import dev.recon.app.pipeline.TopicAdmin;
import dev.recon.app.platform.ConfigResolution;
import dev.recon.app.platform.DatabaseEndpoints;
import dev.recon.app.platform.Platform;
import dev.recon.app.ui.UserInterface;
import dev.recon.matching.tolerant.ToleranceRuleSet;
import dev.recon.reporting.access.DemoCredential;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recon demo}: the embedded platform and two tenants' settlement cycle through the jobs. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start the embedded platform (Kafka, PostgreSQL, Flink MiniCluster), generate a settlement"
          + " cycle for two tenants, reconcile both through the real jobs and write ./recon-out/.",
      "The second tenant's input arrives through the real connectors from loopback stand-ins: an"
          + " SFTP drop, a bank's mailbox, Adyen's report API and a signed Stripe webhook.",
      "Keeps the platform up until Ctrl-C unless --exit is given."
    })
final class DemoCommand implements Callable<Integer> {
  private static final List<DemoDataGenerator.Scenario> NO_SCENARIOS = List.of();

  /**
   * The tenant whose input arrives through the connectors (SFTP, email, report API, webhook); the
   * other's files are published directly, as {@code recon reconcile} does.
   */
  static final String CONNECTOR_TENANT = "globex";

  @Option(
      names = "--out",
      defaultValue = "recon-out",
      paramLabel = "DIR",
      description = "output folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--exit", description = "stop after the run instead of waiting for Ctrl-C")
  boolean exitAfterRun;

  @Option(names = "--seed", defaultValue = "20261125", description = "seed of the generated data")
  long seed;

  @Option(
      names = "--business-date",
      paramLabel = "DATE",
      description = "the settlement day to generate (default: five days ago)")
  LocalDate businessDate;

  @Option(
      names = "--metrics-port",
      defaultValue = "9464",
      paramLabel = "PORT",
      description =
          "port of /metrics, /health/live and /health/ready on 127.0.0.1 (default:"
              + " ${DEFAULT-VALUE}; 0 picks a free one, -1 turns it off)")
  int metricsPort;

  @Option(
      names = "--ui-port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description =
          "port of the web UI on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one, -1"
              + " turns it off)")
  int uiPort;

  @Mixin PlatformOptions platform;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private MetricsEndpoint metrics;
  private GaugeRefresh gauges;
  private UserInterface ui;

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConfigResolution resolution =
        platform.resolve(System.getenv(), Optional.of(MigrateCommand.DEFAULT_DATA_DIR));
    if (!resolution.isValid()) {
      resolution.errors().forEach(e -> err.println("error: " + e));
      return ExitCodes.USAGE;
    }
    LocalDate day =
        businessDate != null ? businessDate : LocalDate.now(ZoneOffset.UTC).minusDays(5);
    List<DemoDataGenerator.Scenario> scenarios = new ArrayList<>(NO_SCENARIOS);
    scenarios.add(new DemoDataGenerator.Scenario("acme", "AcmeShopEU", seed, day, 12, false));
    scenarios.add(new DemoDataGenerator.Scenario("globex", "GlobexStore", seed + 1, day, 20, true));

    if (metricsPort >= 0) {
      try {
        metrics = MetricsEndpoint.start("127.0.0.1", metricsPort);
      } catch (IOException e) {
        err.println(
            "error: the metrics endpoint could not start on port " + metricsPort + ": " + e);
        return ExitCodes.COULD_NOT_RUN;
      }
      stdout.println(
          "metrics: GET http://127.0.0.1:"
              + metrics.port()
              + MetricsEndpoint.PATH
              + " (health: "
              + MetricsEndpoint.LIVE
              + ", "
              + MetricsEndpoint.READY
              + ")");
    }
    stdout.println("recon demo: starting embedded Kafka, PostgreSQL and Flink ...");
    stdout.flush();
    Platform p;
    try {
      p = PlatformLauncher.start(resolution.config());
    } catch (Exception e) {
      err.println("error: the platform could not start: " + e);
      if (metrics != null) {
        metrics.close();
      }
      return ExitCodes.COULD_NOT_RUN;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stdout.println("recon demo: stopping Flink, Kafka and PostgreSQL ...");
              stdout.flush();
              closeQuietly(p, err);
              stdout.println("recon demo: stopped.");
              stdout.flush();
              stopped.countDown();
            },
            "recon-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    List<DemoIndexPage.TenantRun> runs = new ArrayList<>();
    boolean allRan = true;
    // the gauges follow the scenario tenants (and any with UI users); the connectors' lag is what
    // the bounded runs show of their raw records, as recon run's feed does for the topics
    KnownTenants tenants = KnownTenants.withMemberships(p.database().appDataSource());
    scenarios.forEach(s -> tenants.add(s.tenant()));
    ConnectorLag lag = new ConnectorLag(Clock.systemUTC());
    try (TopicAdmin admin = new TopicAdmin(p.kafka())) {
      stdout.println("platform: " + p);
      for (DemoDataGenerator.Scenario s : scenarios) {
        DemoDataGenerator.TenantFiles files =
            DemoDataGenerator.write(s, out.resolve("input").resolve(s.tenant()));
        ReconcileRequest request =
            new ReconcileRequest(
                s.tenant(),
                List.of(files.expected()),
                List.of(files.psp()),
                List.of(files.bank()),
                Map.of(),
                out.resolve(s.tenant()),
                Instant.now(),
                ToleranceRuleSet.defaults());
        ReconcileRun run =
            new ReconcileRun(PlatformLauncher.pipelineContext(p), admin, err, Clock.systemUTC())
                .withCaseworkObserver(outputs -> CaseworkFeed.observe(outputs, lag, tenants));
        ReconcileResult result;
        if (s.tenant().equals(CONNECTOR_TENANT)) {
          // this tenant's files arrive through every connector kind instead of being published
          try (DemoConnectorStandIns standIns =
              DemoConnectorStandIns.start(
                  out.resolve("stand-ins").resolve(s.tenant()),
                  s.tenant(),
                  s.merchantAccount(),
                  files)) {
            DatabaseEndpoints db = p.database();
            result =
                run.run(
                    request,
                    new DemoConnectorDelivery(
                        standIns,
                        p.kafka(),
                        db.appUrl(),
                        db.appUser(),
                        db.appPassword(),
                        line -> {
                          stdout.println("tenant " + s.tenant() + ": " + line);
                          stdout.flush();
                        }));
          }
        } else {
          result = run.run(request);
        }
        result.problems().forEach(problem -> err.println("error: " + problem));
        allRan &= result.couldRun();
        stdout.println("tenant " + s.tenant() + ":");
        ReconcileCommand.printSummary(stdout, result);
        runs.add(new DemoIndexPage.TenantRun(s.tenant(), result));
      }
      if (metrics != null) {
        // started after the bounded runs stored their breaks: its first refresh, done here, already
        // shows them, so a scrape right after start-up sees the open breaks
        gauges =
            GaugeRefresh.casework(
                p.database().appDataSource(), tenants, lag, metrics.registry(), total -> {});
      }
      if (uiPort >= 0) {
        ui = UserInterface.start(p, uiPort, Clock.systemUTC(), resolution.totpKeys());
        stdout.println();
        stdout.println("web UI: " + ui.url() + "  (sign in with a user below and its TOTP code)");
        for (DemoDataGenerator.Scenario s : scenarios) {
          stdout.println("demo users of tenant " + s.tenant() + ":");
          for (DemoCredential c : ui.demoUsers(s.tenant())) {
            stdout.println("  " + c.describe());
          }
        }
      }
      Path index = DemoIndexPage.write(out, runs);
      stdout.println();
      stdout.println("Look at: " + index.toAbsolutePath());
      stdout.println(
          "   data: " + out.toAbsolutePath() + "/<tenant>/{matches,exceptions,journal}.csv");
      stdout.flush();
    } catch (Exception e) {
      err.println("error: demo run failed: " + e);
      allRan = false;
    }
    if (exitAfterRun || !allRan) {
      Runtime.getRuntime().removeShutdownHook(hook);
      closeQuietly(p, err);
      return allRan ? ExitCodes.OK : ExitCodes.COULD_NOT_RUN;
    }
    stdout.println("Platform running (Kafka " + p.kafkaBootstrap() + "). Ctrl-C to stop.");
    stdout.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private void closeQuietly(Platform p, PrintWriter err) {
    if (gauges != null) {
      gauges.close();
    }
    if (ui != null) {
      ui.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    try {
      p.close();
    } catch (Exception e) {
      err.println("warning: stopping the platform: " + e);
      err.flush();
    }
  }
}
