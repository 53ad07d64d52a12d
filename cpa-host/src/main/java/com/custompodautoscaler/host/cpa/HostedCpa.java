package com.custompodautoscaler.host.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.Hosting;
import com.custompodautoscaler.api.v1.LastRun;
import com.custompodautoscaler.core.schedule.BackOff;
import com.custompodautoscaler.pipeline.assembly.Pipeline;
import com.custompodautoscaler.pipeline.config.AutoscalerConfig;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import com.custompodautoscaler.pipeline.kubernetes.ServiceAccounts;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import com.custompodautoscaler.pipeline.observe.AutoscalerMetrics;
import com.custompodautoscaler.pipeline.run.RunScheduler;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * One CustomPodAutoscaler run by the host: its files written from its ConfigMaps, its configuration
 * read from them as its pod would, the pipeline acting as its ServiceAccount, and its runs on the
 * host's shared threads. Its writes are fenced by its shard.
 */
public final class HostedCpa implements AutoCloseable {

  private static final Duration GRACE_PERIOD = Duration.ofSeconds(5);

  /**
   * What every hosted CPA of a host shares.
   *
   * @param client the host's own client, which impersonates each CPA's ServiceAccount
   * @param sessions where the host's user commands start
   * @param ticks the thread that waits for every CPA's next run
   * @param runs the threads that run them
   * @param io the threads that feed and drain user commands
   * @param httpClients the clients of HTTP methods
   * @param metrics the registry of every hosted CPA's metrics, each CPA's tagged with its namespace
   *     and name
   * @param lateness how late the runs of all the host's CPAs start against their schedules
   * @param imageFiles the files of the autoscaler images a hosted CPA may name, a folder per image
   *     repository, each by its path in the image: what a CPA reads from its image without mounting
   *     it (the HPA image's configuration)
   */
  public record HostParts(
      KubernetesClient client,
      Clock clock,
      ProcessSessions sessions,
      ScheduledExecutorService ticks,
      Executor runs,
      Executor io,
      HttpClients httpClients,
      PrometheusMeterRegistry metrics,
      Timer lateness,
      Path imageFiles) {}

  private final Path folder;
  private final ProcessSessions sessions;
  private final Pipeline pipeline;
  private final RunScheduler scheduler;
  private final AutoscalerMetrics metrics;

  private HostedCpa(
      Path folder,
      ProcessSessions sessions,
      Pipeline pipeline,
      RunScheduler scheduler,
      AutoscalerMetrics metrics) {
    this.folder = folder;
    this.sessions = sessions;
    this.pipeline = pipeline;
    this.scheduler = scheduler;
    this.metrics = metrics;
  }

  /**
   * Starts {@code cpa} with its files under {@code folder}: its first run comes one interval after
   * its last one, wherever that ran (at once when that is overdue), or, for a CPA that never ran,
   * at its configured start time and interval.
   *
   * @param configMaps the ConfigMaps of its namespace that it mounts, by name
   * @param mayAct whether the host still holds the CPA's shard
   * @throws InvalidConfigException when its configuration is missing or invalid
   * @throws IOException when its files cannot be written (a ConfigMap it needs is missing, say)
   * @throws IllegalArgumentException when a method cannot be set up
   */
  public static HostedCpa start(
      CustomPodAutoscaler cpa,
      Map<String, ConfigMap> configMaps,
      Path folder,
      HostParts host,
      BooleanSupplier mayAct)
      throws InvalidConfigException, IOException {
    String namespace = cpa.getMetadata().getNamespace();
    String name = cpa.getMetadata().getName();
    PodSpec pod = cpa.getSpec().getTemplate().getSpec();
    // Hosting.needsItsOwnPod let only the images whose runtimes the host has through.
    String image =
        Hosting.HostedImage.of(pod.getContainers().get(0).getImage()).orElseThrow().repository();
    HostedFiles files =
        HostedFiles.write(pod, configMaps, folder, host.imageFiles().resolve(image));
    HostedConfiguration configuration = HostedConfiguration.load(cpa, files);
    AutoscalerConfig config = configuration.loaded().config();
    ProcessSessions sessions =
        host.sessions().in(files.workingDir(), configuration.environment(), files.commandPaths());
    KubernetesClient client =
        // The account the operator gives the CPA's pod, whatever its template names: the CPA's own.
        ServiceAccounts.impersonating(host.client(), namespace, name);
    AutoscalerMetrics metrics =
        new AutoscalerMetrics(host.metrics(), Tags.of("namespace", namespace, "cpa", name));
    Pipeline pipeline =
        Pipeline.assemble(
            config,
            client,
            host.clock(),
            new Pipeline.Shared(sessions, host.io(), host.httpClients()),
            metrics,
            new Fenced(mayAct, namespace + "/" + name),
            Optional.of(cpa));
    RunScheduler scheduler =
        new RunScheduler(
            pipeline.autoscaler(),
            config.startTime(),
            config.interval(),
            host.clock(),
            host.ticks(),
            host.runs(),
            new RunScheduler.Options(
                late -> {
                  metrics.runStarted(late);
                  host.lateness().record(late);
                },
                BackOff.DOUBLING));
    lastRun(cpa).ifPresentOrElse(scheduler::resume, scheduler::start);
    return new HostedCpa(folder, sessions, pipeline, scheduler, metrics);
  }

  /**
   * When {@code cpa}'s last run started, as its status says: its cadence goes on from there,
   * wherever it ran. Empty when it never ran or the time cannot be read.
   */
  private static Optional<Instant> lastRun(CustomPodAutoscaler cpa) {
    try {
      return Optional.ofNullable(cpa.getStatus())
          .map(CustomPodAutoscalerStatus::getLastRun)
          .map(LastRun::getTime)
          .map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Starts no more runs, and takes the CPA's metrics away now, so that a CPA started again in its
   * place keeps its own; the run in progress, if any, goes on until {@link #close}.
   */
  public void stopScheduling() {
    scheduler.stopScheduling();
    metrics.remove();
  }

  /**
   * Stops the CPA: the run in progress has a grace period, then its commands are killed; its
   * workers stop and its files are removed.
   */
  @Override
  public void close() {
    try {
      scheduler.stop(GRACE_PERIOD, sessions::killAll);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pipeline.close();
    deleteFolder();
  }

  private void deleteFolder() {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A folder that cannot be listed is written over at the CPA's next start.
    }
  }
}
