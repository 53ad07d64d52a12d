package com.custompodautoscaler.host.process;

import com.custompodautoscaler.host.cpa.HostedCpa;
import com.custompodautoscaler.host.cpa.HostedCpas;
import com.custompodautoscaler.host.cpa.HostingStatus;
import com.custompodautoscaler.host.shard.ShardKeeper;
import com.custompodautoscaler.host.shard.ShardLeases;
import com.custompodautoscaler.pipeline.assembly.DaemonThreads;
import com.custompodautoscaler.pipeline.method.HttpClients;
import com.custompodautoscaler.pipeline.method.ProcessSessions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One replica of an autoscaler host: it keeps its share of the host's shards on Leases and runs the
 * hosted CPAs of the shards it holds, all on a few shared threads.
 */
public final class Host implements AutoCloseable {

  /**
   * A replica's settings.
   *
   * @param namespace where the host's Leases are
   * @param name the host's name, which its Leases carry
   * @param replica this replica's name (its pod's), unique among the host's replicas
   * @param shards how many shards the hosted CPAs are divided into; the same on every replica
   * @param lease how long a shard stays with a replica that stops renewing it
   * @param renewEvery how often the replica renews its shards and looks at the others'
   * @param margin how long before its lease runs out a replica stops acting on a shard
   * @param root the folder under which hosted CPAs' files are written
   * @param imageFiles the files of the autoscaler images, a folder per image repository
   * @param watched the one namespace whose CPAs the host runs; empty for every namespace
   * @param account the host's ServiceAccount, in {@code namespace}, which owns its Leases so that
   *     they go with it; empty for Leases that no one owns
   * @param concurrentRuns how many runs may be under way at once, which bounds the requests the
   *     replica has in flight: an HTTP/2 connection to the API server carries 250 at most, and the
   *     client refuses the ones beyond
   */
  public record Settings(
      String namespace,
      String name,
      String replica,
      int shards,
      Duration lease,
      Duration renewEvery,
      Duration margin,
      Path root,
      Path imageFiles,
      Optional<String> watched,
      Optional<String> account,
      int concurrentRuns) {}

  private final ScheduledExecutorService ticks =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ticks"));
  private final ExecutorService runs;
  private final KubernetesClient leaseClient;
  private final ExecutorService io =
      Executors.newCachedThreadPool(DaemonThreads.named("user-logic-io"));
  private final ExecutorService leaseWrites =
      Executors.newFixedThreadPool(8, DaemonThreads.named("shard-writes"));
  private final ScheduledExecutorService rounds =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("shards"));
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ShardKeeper keeper;
  private final HostedCpas hosted;

  private Host(KubernetesClient client, Settings settings, Clock clock) {
    this.runs = Executors.newFixedThreadPool(settings.concurrentRuns(), DaemonThreads.named("run"));
    // The Leases go over a connection of their own, so that no run's requests hold them up.
    this.leaseClient = new KubernetesClientBuilder().withConfig(client.getConfiguration()).build();
    HostedCpa.HostParts parts =
        new HostedCpa.HostParts(
            client,
            clock,
            ProcessSessions.forThisMachine(),
            ticks,
            runs,
            io,
            new HttpClients(),
            metrics,
            Timer.builder("cpa.host.run.lateness")
                .description(
                    "How long after its scheduled time each run of this replica's CPAs started")
                .publishPercentiles(0.5, 0.99)
                .register(metrics),
            settings.imageFiles());
    // The keeper tells the hosted CPAs which shards come and go; they ask it whether they may act.
    this.hosted =
        new HostedCpas(
            parts,
            new HostingStatus(client, settings.replica(), clock),
            settings.root(),
            settings.shards(),
            this::holds,
            this::mayAct);
    this.keeper =
        new ShardKeeper(
            new ShardLeases(
                leaseClient,
                settings.namespace(),
                settings.name(),
                settings.replica(),
                settings.lease(),
                Host::monotonic,
                settings
                    .account()
                    .map(
                        account ->
                            ShardLeases.ownedBy(leaseClient, settings.namespace(), account))),
            hosted,
            settings.replica(),
            settings.shards(),
            settings.lease(),
            settings.margin(),
            Host::monotonic,
            leaseWrites);
  }

  /** Starts a replica: it follows the CPAs, then takes its share of the shards. */
  public static Host start(KubernetesClient client, Settings settings, Clock clock) {
    Host host = new Host(client, settings, clock);
    host.hosted.start(settings.watched());
    host.rounds.scheduleWithFixedDelay(
        host.keeper::round, 0, settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
    return host;
  }

  private boolean holds(int shard) {
    return keeper.holds(shard);
  }

  private boolean mayAct(int shard) {
    return keeper.mayAct(shard);
  }

  /** How many hosted CPAs this replica runs now. */
  public int running() {
    return hosted.running();
  }

  /** Every hosted CPA's metrics, in the Prometheus text format. */
  public String scrapeMetrics() {
    return metrics.scrape();
  }

  /** Gives up every shard, so that the other replicas take them now, then stops every CPA. */
  @Override
  public void close() {
    rounds.shutdownNow();
    keeper.leave();
    leaseWrites.shutdownNow();
    leaseClient.close();
    hosted.close();
    ticks.shutdownNow();
    runs.shutdownNow();
    io.shutdownNow();
  }

  private static Instant monotonic() {
    return Instant.EPOCH.plusNanos(System.nanoTime());
  }
}
