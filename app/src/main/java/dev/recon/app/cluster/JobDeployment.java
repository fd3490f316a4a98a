package dev.recon.app.cluster;

import dev.recon.app.cluster.ClusterJobs.Job;
import dev.recon.app.cluster.FlinkRestClient.JobOverview;
import dev.recon.app.cluster.FlinkRestClient.RunRequest;
import dev.recon.app.cluster.FlinkRestClient.SavepointStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deploys recon's jobs from the job jar to a Flink session cluster: a job that is not running is
 * started (from a given savepoint, if any); a running one is refused, or with {@code upgrade}
 * stopped with a savepoint and started from it with the new jar, so no open item and no source
 * offset is lost.
 */
public final class JobDeployment {
  /** Between two looks at a savepoint in progress. */
  static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /** What happened to one job. */
  public record Deployed(Job job, String jobId, Optional<String> restoredFrom, String replaced) {}

  /** What the jobs are started with, apart from the job name. */
  public record Plan(
      Path jar,
      List<Job> jobs,
      Function<Job, List<String>> programArgs,
      Integer parallelism,
      boolean upgrade,
      String savepointDirectory,
      Optional<String> fromSavepoint,
      Duration savepointTimeout) {
    public Plan {
      Objects.requireNonNull(jar, "jar");
      jobs = List.copyOf(jobs);
      Objects.requireNonNull(programArgs, "programArgs");
      Objects.requireNonNull(fromSavepoint, "fromSavepoint");
      if (upgrade && fromSavepoint.isPresent()) {
        throw new IllegalArgumentException("an upgrade takes its own savepoint");
      }
    }
  }

  /** Waits between polls; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  private final FlinkRestClient client;
  private final Pause pause;

  public JobDeployment(FlinkRestClient client) {
    this(client, d -> Thread.sleep(d.toMillis()));
  }

  JobDeployment(FlinkRestClient client, Pause pause) {
    this.client = client;
    this.pause = pause;
  }

  public List<Deployed> deploy(Plan plan) throws IOException, InterruptedException {
    // every check before any change: a refused job leaves the cluster as it was
    List<JobOverview> jobs = client.jobs();
    List<Optional<JobOverview>> running = new ArrayList<>();
    for (Job job : plan.jobs()) {
      Optional<JobOverview> active = active(jobs, job);
      if (active.isPresent() && !plan.upgrade()) {
        throw new IOException(
            job.flinkName()
                + " is already running as "
                + active.get().id()
                + "; use --upgrade to replace it through a savepoint");
      }
      running.add(active);
    }
    String jarId = client.upload(plan.jar());
    List<Deployed> deployed = new ArrayList<>();
    for (int i = 0; i < plan.jobs().size(); i++) {
      Job job = plan.jobs().get(i);
      Optional<JobOverview> previous = running.get(i);
      Optional<String> from = plan.fromSavepoint();
      if (previous.isPresent()) {
        from = Optional.of(stopWithSavepoint(previous.get(), plan));
      }
      String jobId =
          client.run(
              jarId,
              new RunRequest(
                  ClusterJobs.class.getName(),
                  withJob(job, plan.programArgs().apply(job)),
                  plan.parallelism(),
                  from));
      deployed.add(new Deployed(job, jobId, from, previous.map(JobOverview::id).orElse(null)));
    }
    return deployed;
  }

  static Optional<JobOverview> active(List<JobOverview> jobs, Job job) throws IOException {
    List<JobOverview> active =
        jobs.stream().filter(j -> j.name().equals(job.flinkName()) && j.active()).toList();
    if (active.size() > 1) {
      throw new IOException(
          active.size() + " jobs named " + job.flinkName() + " are running: " + active);
    }
    return active.stream().findFirst();
  }

  private String stopWithSavepoint(JobOverview job, Plan plan)
      throws IOException, InterruptedException {
    String trigger = client.stopWithSavepoint(job.id(), plan.savepointDirectory());
    long deadline = System.nanoTime() + plan.savepointTimeout().toNanos();
    while (true) {
      SavepointStatus status = client.savepoint(job.id(), trigger);
      if (status.completed()) {
        if (status.location() == null) {
          throw new IOException(
              "stopping " + job.name() + " with a savepoint failed: " + status.failure());
        }
        return status.location();
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(
            "the savepoint of "
                + job.name()
                + " did not complete in "
                + plan.savepointTimeout()
                + " (trigger "
                + trigger
                + "); the job may still be stopping");
      }
      pause.pause(POLL_INTERVAL);
    }
  }

  private static List<String> withJob(Job job, List<String> args) {
    List<String> all = new ArrayList<>(List.of("--job", job.name()));
    all.addAll(args);
    return all;
  }
}
