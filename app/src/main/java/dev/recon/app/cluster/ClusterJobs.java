package dev.recon.app.cluster;

import dev.recon.app.pipeline.KafkaEndpoints;
import dev.recon.app.pipeline.PipelineJobs;
import dev.recon.app.pipeline.PostingRulesConfig;
import dev.recon.app.pipeline.PostingTableFiles;
import dev.recon.app.pipeline.StreamingPipeline;
import dev.recon.app.pipeline.TenantPostingTables;
import dev.recon.app.platform.JobConfig;
import dev.recon.app.platform.PlatformConfigResolver;
import dev.recon.app.platform.PlatformSetting;
import dev.recon.app.platform.PlatformSettings;
import dev.recon.app.platform.PlatformSettings.SourcedValue;
import dev.recon.ingestion.secret.SecretReference;
import dev.recon.ingestion.secret.SecretResolver;
import dev.recon.ledger.sink.LedgerConnectionSpec;
import dev.recon.matching.job.MatchingSettings;
import dev.recon.schemas.kafka.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The entry class of the job jar ({@code recon-jobs.jar}) on a Flink cluster: builds one of {@code
 * recon run}'s long-running jobs, exactly as {@link StreamingPipeline} does, in the environment the
 * cluster gives ({@code flink run}, the REST API's {@code /jars/:id/run}, or application mode). One
 * job per invocation, because a jar run through the REST API may submit only one.
 *
 * <p>Arguments: {@code --job normalize|match --kafka HOST:PORT [--mode production]
 * [--kafka-security-protocol P --kafka-sasl-mechanism M --kafka-sasl-username U
 * (--kafka-sasl-password-file F | --kafka-sasl-password-env N) --kafka-truststore F
 * (--kafka-truststore-password-file F | --kafka-truststore-password-env N) --kafka-keystore F
 * (--kafka-keystore-password-file F | --kafka-keystore-password-env N)] [--db-url URL --db-user
 * USER (--db-password-file FILE | --db-password-env NAME)] [--checkpoint-interval 2s]
 * [--restart-attempts N] [--max-out-of-orderness 1h] [--source-idleness 1m]
 * [--decide-at-window-end] [--as-of INSTANT] [--posting-rules [TENANT=]FILE ...]}. Each connection
 * setting not given falls back to the {@code RECON_*} variable {@code recon run} reads, then to
 * Managed Flink's runtime properties ({@link ManagedFlinkSettings}), and is checked by the
 * platform's own resolver, production mode included. A password never appears in the arguments,
 * which the cluster shows in its UI: only the file or variable that holds it, or a secret
 * reference.
 */
@Command(name = "recon-cluster-job", mixinStandardHelpOptions = true)
public final class ClusterJobs implements Callable<Integer> {
  /** The jobs the jar can run, named as in {@code recon submit --job}. */
  public enum Job {
    normalize(StreamingPipeline.NORMALIZE_JOB),
    match(StreamingPipeline.MATCH_JOB);

    private final String flinkName;

    Job(String flinkName) {
      this.flinkName = flinkName;
    }

    /** The name the job runs under on the cluster, found again by {@code recon submit}. */
    public String flinkName() {
      return flinkName;
    }
  }

  /** Default password variable, read where the job's main runs (JobManager or client). */
  public static final String DEFAULT_PASSWORD_ENV = "RECON_APP_DB_PASSWORD";

  /** The start of every consumer group id and transactional id of the jobs. */
  public static final String CLIENT_ID_PREFIX = "recon-";

  /** The platform settings a cluster job reads; other {@code RECON_*} variables are ignored. */
  static final Set<PlatformSetting> SETTINGS =
      Collections.unmodifiableSet(
          EnumSet.of(
              PlatformSetting.MODE,
              PlatformSetting.KAFKA,
              PlatformSetting.KAFKA_SECURITY_PROTOCOL,
              PlatformSetting.KAFKA_SASL_MECHANISM,
              PlatformSetting.KAFKA_SASL_USERNAME,
              PlatformSetting.KAFKA_SASL_PASSWORD,
              PlatformSetting.KAFKA_TRUSTSTORE,
              PlatformSetting.KAFKA_TRUSTSTORE_PASSWORD,
              PlatformSetting.KAFKA_KEYSTORE,
              PlatformSetting.KAFKA_KEYSTORE_PASSWORD,
              PlatformSetting.DB_URL,
              PlatformSetting.APP_DB_USER,
              PlatformSetting.APP_DB_PASSWORD));

  private static final int MAX_RESTART_ATTEMPTS = 1_000;

  /** A job name longer than this is not one; the error shows only its start. */
  private static final int MAX_SHOWN_JOB_NAME = 40;

  /**
   * A job, what it connects to, what production mode would refuse (in development), and for the
   * matching job the posting tables it books by (read here, shipped inside the job graph).
   */
  record Plan(Job job, JobConfig config, List<String> warnings, TenantPostingTables postingTables) {
    Plan {
      warnings = List.copyOf(warnings);
    }
  }

  @Option(
      names = "--job",
      paramLabel = "normalize|match",
      description = "the job (default: the runtime property " + ManagedFlinkSettings.JOB + ")")
  String job;

  @Option(
      names = "--mode",
      paramLabel = "development|production",
      description =
          "production refuses plaintext Kafka, an unverified database and weak or literal"
              + " secrets (default: $RECON_MODE, then development)")
  String mode;

  // Each setting, when not given here, comes from the RECON_* variable recon run reads (how the
  // Kubernetes manifests pass them), then from Managed Flink's runtime properties.
  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT,...",
      description = "Kafka bootstrap servers (default: $RECON_KAFKA)")
  String kafka;

  @Mixin KafkaSecurityOptions kafkaSecurity = new KafkaSecurityOptions();

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description = "ledger database (match; default: $RECON_DB_URL)")
  String dbUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "application login (match; default: $RECON_APP_DB_USER)")
  String dbUser;

  @Option(
      names = "--db-password-file",
      paramLabel = "FILE",
      description = "file holding the password (default: $" + DEFAULT_PASSWORD_ENV + ")")
  String dbPasswordFile;

  @Option(
      names = "--db-password-env",
      paramLabel = "NAME",
      description = "variable holding the password")
  String dbPasswordEnv;

  @Option(names = "--checkpoint-interval", defaultValue = "PT2S", paramLabel = "DURATION")
  Duration checkpointInterval;

  @Option(names = "--restart-attempts", defaultValue = "100", paramLabel = "N")
  int restartAttempts;

  @Option(names = "--max-out-of-orderness", defaultValue = "PT1H", paramLabel = "DURATION")
  Duration maxOutOfOrderness;

  @Option(names = "--source-idleness", defaultValue = "PT1M", paramLabel = "DURATION")
  Duration sourceIdleness;

  @Option(
      names = "--decide-at-window-end",
      description =
          "decide every key when its window ends instead of on arrival: the same outcome for any"
              + " arrival order, as in a bounded run")
  boolean decideAtWindowEnd;

  @Option(names = "--as-of", paramLabel = "INSTANT", description = "the as-of of break ageing")
  Instant asOf;

  // Read where this main runs (the JobManager of a session cluster, or the client of flink run)
  // and serialized into the job graph: task managers never read the files.
  @Option(
      names = PostingRulesConfig.FLAG,
      paramLabel = "[TENANT=]FILE",
      description =
          "posting table for every tenant (FILE) or one (TENANT=FILE), repeatable (match; default:"
              + " $"
              + PostingRulesConfig.ENVIRONMENT_VARIABLE
              + ", then the job jar's tables the runtime property "
              + ManagedFlinkSettings.POSTING_RULES
              + " names, then the built-in table)")
  List<String> postingRules = new ArrayList<>();

  private final Map<String, String> environment;
  private final Path runtimePropertiesFile;
  private final Function<Map<String, String>, SecretResolver> secretSources;

  ClusterJobs(
      Map<String, String> environment,
      Path runtimePropertiesFile,
      Function<Map<String, String>, SecretResolver> secretSources) {
    this.environment = Map.copyOf(environment);
    this.runtimePropertiesFile = runtimePropertiesFile;
    this.secretSources = secretSources;
  }

  public static void main(String[] args) throws Exception {
    CommandLine cli =
        new CommandLine(
            new ClusterJobs(
                System.getenv(),
                ManagedFlinkProperties.DEFAULT_FILE,
                env -> PlatformConfigResolver.secretSources(env, Clock.systemUTC())));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine.ParseResult parsed;
    try {
      parsed = cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (CommandLine.printHelpIfRequested(parsed)) {
      return;
    }
    // exceptions go to the caller as they are: Flink reports them for the failed submission
    ((ClusterJobs) cli.getCommand()).call();
  }

  @Override
  public Integer call() throws Exception {
    Plan plan = plan();
    // on a cluster the job's main logs to the JobManager's output: shown once at start
    plan.warnings().forEach(w -> System.err.println("recon-cluster-job warning: " + w));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.configure(jobConfiguration(), ClusterJobs.class.getClassLoader());
    KafkaEndpoints endpoints = new KafkaEndpoints(plan.config().kafka(), Topics.MAX_MESSAGE_BYTES);
    switch (plan.job()) {
      case normalize -> PipelineJobs.addNormalization(env, endpoints);
      case match ->
          PipelineJobs.addMatching(
              env, endpoints, ledger(plan.config()), plan.postingTables(), settings());
    }
    // detached: on a session cluster the main returns once the job is submitted
    env.executeAsync(plan.job().flinkName());
    return 0;
  }

  /**
   * The job and its connections from, in this order: the arguments, the {@code RECON_*} variables,
   * Managed Flink's runtime properties. Arguments are what an operator gave this one submission;
   * the variables are the deployment's (Kubernetes), as {@code recon run} puts them above its
   * config file; the runtime properties are Managed Flink's only channel (it passes no arguments
   * and sets no {@code RECON_*} variable) and absent elsewhere.
   *
   * @throws IllegalArgumentException listing every problem at once
   * @throws IOException the runtime properties file exists but cannot be read
   */
  Plan plan() throws IOException {
    List<String> errors = new ArrayList<>();
    ManagedFlinkProperties properties;
    try {
      properties = ManagedFlinkProperties.read(runtimePropertiesFile);
    } catch (IllegalArgumentException e) {
      errors.add(e.getMessage());
      properties = new ManagedFlinkProperties(runtimePropertiesFile, Map.of());
    }
    ManagedFlinkSettings runtime = ManagedFlinkSettings.of(properties, errors);
    Job chosen = job(runtime, properties, errors);
    PlatformSettings settings =
        PlatformSettings.fromSources(arguments(errors))
            .orElse(fromEnvironment())
            .orElse(PlatformSettings.fromSources(runtime.settings()));
    SecretResolver secrets = secretSources.apply(secretEnvironment(runtime));
    boolean ledger = chosen == Job.match;
    if (ledger
        && !settings.has(PlatformSetting.APP_DB_USER)
        && runtime.credentialsSecret() != null) {
      settings = settings.orElse(loginFromSecret(runtime, properties, secrets, errors));
    }
    JobConfig.Resolution resolution =
        PlatformConfigResolver.resolveJob(settings, secrets, required(ledger));
    errors.addAll(resolution.errors());
    TenantPostingTables postingTables = null;
    if (ledger) {
      String propertyOrigin =
          ManagedFlinkSettings.origin(properties, ManagedFlinkSettings.POSTING_RULES);
      PostingTableFiles.Loaded loaded =
          PostingRulesConfig.fromFlagsOrEnvironment(postingRules, environment)
              .orElseGet(() -> postingTablesOf(runtime, propertyOrigin));
      errors.addAll(loaded.errors());
      postingTables = loaded.tables();
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(
          "recon-cluster-job cannot start:\n  " + String.join("\n  ", errors));
    }
    return new Plan(chosen, resolution.config(), resolution.warnings(), postingTables);
  }

  /** The tables {@value ManagedFlinkSettings#POSTING_RULES} names in the job jar, else none. */
  private static PostingTableFiles.Loaded postingTablesOf(
      ManagedFlinkSettings runtime, String origin) {
    if (runtime.postingRules() == null) {
      return PostingTableFiles.none();
    }
    return PostingTableFiles.readResources(
        origin,
        PostingRulesConfig.specs(runtime.postingRules()),
        ClusterJobs.class.getClassLoader());
  }

  private Job job(
      ManagedFlinkSettings runtime, ManagedFlinkProperties properties, List<String> errors) {
    String name = job != null ? job : runtime.job();
    String origin =
        job != null ? "--job" : ManagedFlinkSettings.origin(properties, ManagedFlinkSettings.JOB);
    if (name == null) {
      errors.add(
          "no job: pass --job normalize|match or set the runtime property "
              + ManagedFlinkSettings.JOB);
      return null;
    }
    for (Job j : Job.values()) {
      if (j.name().equalsIgnoreCase(name.strip())) {
        return j;
      }
    }
    String shown = name.strip().replaceAll("\\p{Cntrl}", "?");
    if (shown.length() > MAX_SHOWN_JOB_NAME) {
      shown = shown.substring(0, MAX_SHOWN_JOB_NAME) + "...";
    }
    errors.add(origin + ": '" + shown + "' is not normalize or match");
    return null;
  }

  /** The options given, as settings whose origin is the option. */
  private Map<PlatformSetting, SourcedValue> arguments(List<String> errors) {
    Map<PlatformSetting, SourcedValue> given = new EnumMap<>(PlatformSetting.class);
    put(given, PlatformSetting.MODE, "--mode", mode);
    put(given, PlatformSetting.KAFKA, "--kafka", kafka);
    given.putAll(kafkaSecurity.given(errors));
    put(given, PlatformSetting.DB_URL, "--db-url", dbUrl);
    put(given, PlatformSetting.APP_DB_USER, "--db-user", dbUser);
    new PasswordLocation("--db-password-file", dbPasswordFile, "--db-password-env", dbPasswordEnv)
        .reference(errors)
        .ifPresent(v -> given.put(PlatformSetting.APP_DB_PASSWORD, v));
    return given;
  }

  private static void put(
      Map<PlatformSetting, SourcedValue> given,
      PlatformSetting setting,
      String option,
      String value) {
    if (value != null) {
      given.put(setting, new SourcedValue(value, option));
    }
  }

  /** The {@code RECON_*} variables of the settings a cluster job reads. */
  private PlatformSettings fromEnvironment() {
    PlatformSettings all = PlatformSettings.fromEnvironment(environment);
    Map<PlatformSetting, SourcedValue> read = new EnumMap<>(PlatformSetting.class);
    for (PlatformSetting setting : SETTINGS) {
      all.get(setting).ifPresent(v -> read.put(setting, v));
    }
    return PlatformSettings.fromSources(read);
  }

  /** The environment secret references are resolved in, with the region of the properties. */
  private Map<String, String> secretEnvironment(ManagedFlinkSettings runtime) {
    if (runtime.awsRegion() == null || environment.containsKey("AWS_REGION")) {
      return environment;
    }
    Map<String, String> withRegion = new HashMap<>(environment);
    withRegion.put("AWS_REGION", runtime.awsRegion());
    return withRegion;
  }

  /** The application login's username, from the same Secrets Manager secret as its password. */
  private static PlatformSettings loginFromSecret(
      ManagedFlinkSettings runtime,
      ManagedFlinkProperties properties,
      SecretResolver secrets,
      List<String> errors) {
    String origin =
        ManagedFlinkSettings.origin(properties, ManagedFlinkSettings.DB_CREDENTIALS_SECRET);
    try {
      SecretReference reference =
          SecretReference.parse(
              "aws-sm:" + runtime.credentialsSecret() + "#" + ManagedFlinkSettings.USERNAME_FIELD);
      String user = secrets.resolve(reference).reveal();
      return PlatformSettings.fromSources(
          Map.of(PlatformSetting.APP_DB_USER, new SourcedValue(user, origin)));
    } catch (RuntimeException e) {
      // the reference is not secret, the value behind it is: the message names only the former
      errors.add(origin + ": the username cannot be read: " + e.getMessage());
      return PlatformSettings.none();
    }
  }

  /** The settings the job cannot do without, each with every way to give it. */
  private static Map<PlatformSetting, String> required(boolean ledger) {
    Map<PlatformSetting, String> required = new EnumMap<>(PlatformSetting.class);
    required.put(PlatformSetting.KAFKA, ways("--kafka", PlatformSetting.KAFKA));
    if (ledger) {
      String secret = " or " + ManagedFlinkSettings.DB_CREDENTIALS_SECRET;
      required.put(PlatformSetting.DB_URL, ways("--db-url", PlatformSetting.DB_URL));
      required.put(
          PlatformSetting.APP_DB_USER, ways("--db-user", PlatformSetting.APP_DB_USER) + secret);
      required.put(
          PlatformSetting.APP_DB_PASSWORD,
          ways("--db-password-file, --db-password-env", PlatformSetting.APP_DB_PASSWORD) + secret);
    }
    return required;
  }

  private static String ways(String options, PlatformSetting setting) {
    return options
        + ", "
        + setting.environmentVariable()
        + " or runtime property "
        + ManagedFlinkSettings.key(setting);
  }

  /** The settings {@code FlinkEnvironments} gives every job, for the cluster's environment. */
  Configuration jobConfiguration() {
    if (checkpointInterval.compareTo(Duration.ofMillis(100)) < 0) {
      throw new IllegalArgumentException("--checkpoint-interval below 100 ms");
    }
    if (restartAttempts < 0 || restartAttempts > MAX_RESTART_ATTEMPTS) {
      throw new IllegalArgumentException("--restart-attempts outside 0.." + MAX_RESTART_ATTEMPTS);
    }
    Configuration c = new Configuration();
    c.set(PipelineOptions.GENERIC_TYPES, false);
    c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
    c.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
    if (restartAttempts == 0) {
      c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    } else {
      c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
      c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, restartAttempts);
      c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
    }
    return c;
  }

  MatchingSettings settings() {
    MatchingSettings settings =
        MatchingSettings.streaming(maxOutOfOrderness, sourceIdleness)
            .withDecideOnArrival(!decideAtWindowEnd);
    return asOf == null ? settings : settings.withAsOf(asOf);
  }

  static LedgerConnectionSpec ledger(JobConfig config) {
    return new LedgerConnectionSpec(config.dbUrl(), config.appDbUser(), config.appDbPassword());
  }
}
