package dev.recon.app.cli;

import dev.recon.app.cluster.ClusterJobs;
import dev.recon.app.cluster.ClusterJobs.Job;
import dev.recon.app.cluster.FlinkRestClient;
import dev.recon.app.cluster.JobDeployment;
import dev.recon.app.cluster.KafkaSecurityOptions;
import dev.recon.app.platform.HostAndPort;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code recon submit}: deploys the streaming jobs from the job jar to a Flink session cluster
 * through its REST API, and upgrades running ones through a savepoint.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description =
        "Deploy the streaming jobs (normalize, match) from recon-jobs.jar to a Flink session"
            + " cluster through its REST API. A running job is refused unless --upgrade: then it"
            + " is stopped with a savepoint and the new jar starts from it.",
    footer = {
      "",
      "The match job reads the database password on the JobManager, from the variable named by"
          + " --db-password-env (default "
          + ClusterJobs.DEFAULT_PASSWORD_ENV
          + ") or the file --db-password-file, and the Kafka passwords likewise"
          + " (--kafka-sasl-password-file/-env, --kafka-truststore-password-file/-env,"
          + " --kafka-keystore-password-file/-env); they"
          + " never go into the job's arguments. --job-arg=--mode=production refuses plaintext.",
      "Application mode: run recon-jobs.jar's entry class dev.recon.app.cluster.ClusterJobs with"
          + " the same arguments (--job normalize|match --kafka ...), one cluster per job."
    })
public final class SubmitCommand implements Callable<Integer> {
  /** The job jar's name, next to recon's own jar in a distribution. */
  static final String JOB_JAR = "recon-jobs.jar";

  @Option(names = "--jobmanager", required = true, paramLabel = "HOST:PORT", description = "REST")
  String jobManager;

  @Option(
      names = "--jar",
      paramLabel = "FILE",
      description = "default: " + JOB_JAR + " beside recon")
  Path jar;

  @Option(
      names = "--job",
      defaultValue = "all",
      paramLabel = "normalize|match|all",
      description = "default: ${DEFAULT-VALUE}")
  String job;

  @Option(names = "--upgrade", description = "replace running jobs through a savepoint")
  boolean upgrade;

  @Option(
      names = "--savepoint-dir",
      paramLabel = "URI",
      description = "where upgrade savepoints go (default: the cluster's state.savepoints.dir)")
  String savepointDir;

  @Option(names = "--from-savepoint", paramLabel = "PATH", description = "start from this state")
  String fromSavepoint;

  @Option(
      names = "--savepoint-timeout",
      defaultValue = "PT5M",
      paramLabel = "DURATION",
      description = "default: ${DEFAULT-VALUE}")
  Duration savepointTimeout;

  @Option(names = "--parallelism", paramLabel = "N")
  Integer parallelism;

  @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT,...")
  String kafka;

  // passed on to the jobs: where their passwords are on the JobManager, never the passwords
  @CommandLine.Mixin KafkaSecurityOptions kafkaSecurity = new KafkaSecurityOptions();

  @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "ledger (match job)")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER", description = "application login")
  String dbUser;

  @Option(names = "--db-password-file", paramLabel = "FILE", description = "on the JobManager")
  String dbPasswordFile;

  @Option(names = "--db-password-env", paramLabel = "NAME", description = "on the JobManager")
  String dbPasswordEnv;

  @Option(
      names = "--job-arg",
      paramLabel = "ARG",
      description =
          "a further argument of the jobs, e.g. --job-arg=--checkpoint-interval=PT1S,"
              + " --job-arg=--restart-attempts=20, --job-arg=--source-idleness=PT1M")
  List<String> jobArgs = new ArrayList<>();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<HostAndPort> address = HostAndPort.parse(jobManager);
    List<Job> jobs = jobs(job);
    if (address.isEmpty() || jobs.isEmpty()) {
      err.println(
          "error: "
              + (address.isEmpty()
                  ? "--jobmanager must be HOST:PORT: " + jobManager
                  : "--job must be normalize, match or all: " + job));
      return ExitCodes.USAGE;
    }
    if (jobs.contains(Job.match) && (dbUrl == null || dbUser == null)) {
      err.println("error: the match job needs --db-url and --db-user");
      return ExitCodes.USAGE;
    }
    Path jobJar = jar != null ? jar : besideRunningJar();
    if (jobJar == null || !Files.isRegularFile(jobJar)) {
      err.println("error: no job jar " + (jobJar == null ? JOB_JAR : jobJar) + "; pass --jar");
      return ExitCodes.USAGE;
    }
    JobDeployment.Plan plan =
        new JobDeployment.Plan(
            jobJar,
            jobs,
            this::programArgs,
            parallelism,
            upgrade,
            savepointDir,
            Optional.ofNullable(fromSavepoint),
            savepointTimeout);
    try {
      for (JobDeployment.Deployed d :
          new JobDeployment(new FlinkRestClient(address.get())).deploy(plan)) {
        out.println(
            d.job().flinkName()
                + " running as "
                + d.jobId()
                + d.restoredFrom().map(s -> " from " + s).orElse("")
                + (d.replaced() == null ? "" : " (replaced " + d.replaced() + ")"));
      }
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return ExitCodes.COULD_NOT_RUN;
    }
    return ExitCodes.OK;
  }

  static List<Job> jobs(String name) {
    return switch (name) {
      case "all" -> List.of(Job.normalize, Job.match);
      case "normalize" -> List.of(Job.normalize);
      case "match" -> List.of(Job.match);
      default -> List.of();
    };
  }

  List<String> programArgs(Job job) {
    List<String> args = new ArrayList<>(List.of("--kafka", kafka));
    args.addAll(kafkaSecurity.arguments());
    if (job == Job.match) {
      args.addAll(List.of("--db-url", dbUrl, "--db-user", dbUser));
      if (dbPasswordFile != null) {
        args.addAll(List.of("--db-password-file", dbPasswordFile));
      }
      if (dbPasswordEnv != null) {
        args.addAll(List.of("--db-password-env", dbPasswordEnv));
      }
    }
    args.addAll(jobArgs);
    return args;
  }

  private static Path besideRunningJar() {
    try {
      var source = SubmitCommand.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path location = Path.of(source.getLocation().toURI());
      return location.resolveSibling(JOB_JAR);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
