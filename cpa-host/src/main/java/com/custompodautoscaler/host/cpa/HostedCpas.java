package com.custompodautoscaler.host.cpa;

import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.Hosting;
import com.custompodautoscaler.api.v1.PauseRequest;
import com.custompodautoscaler.core.shard.ShardKey;
import com.custompodautoscaler.host.shard.ShardListener;
import com.custompodautoscaler.pipeline.assembly.DaemonThreads;
import com.custompodautoscaler.pipeline.config.InvalidConfigException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted CPAs this replica runs: every CustomPodAutoscaler with {@code spec.hosted} whose shard
 * the replica holds. It follows the CPAs through a watch cache, and the ConfigMaps those it runs
 * name through watches of those names alone, and brings each CPA in line with them on one thread:
 * it starts a CPA, restarts it after an edit of its spec or of a ConfigMap it mounts (the decision
 * state lives in the CPA's status, so none is lost), and stops it when it is deleted, no longer
 * hosted or its shard is gone. A CPA that cannot run is reported in its {@code Hosted} condition
 * and tried again at its next edit, or when a ConfigMap it waits for can be read.
 */
public final class HostedCpas implements ShardListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HostedCpas.class);

  private final HostedCpa.HostParts host;
  private final HostingStatus status;
  private final Path root;
  private final int shardCount;
  private final IntPredicate holds;
  private final IntPredicate mayAct;
  private final ExecutorService hosting =
      Executors.newSingleThreadExecutor(DaemonThreads.named("hosting"));
  private final ExecutorService stopping =
      Executors.newCachedThreadPool(DaemonThreads.named("stopping"));
  private final Map<String, Placed> placed = new HashMap<>();
  private final AtomicLong starts = new AtomicLong();
  private volatile boolean closing;
  private volatile SharedIndexInformer<CustomPodAutoscaler> cpas;
  private final FollowedConfigMaps configMaps;

  /**
   * What was last done for a CPA, with the inputs it was done for.
   *
   * @param running the CPA as it runs, or null when it could not start
   */
  private record Placed(String inputs, HostedCpa running) {}

  /**
   * @param root the folder under which each CPA's files are written
   * @param shardCount how many shards the host's CPAs are divided into
   * @param holds whether this replica holds a shard: its CPAs run here
   * @param mayAct whether this replica may act on a shard now: its CPAs' writes go through (a slow
   *     renewal closes it for a moment, without stopping them)
   */
  public HostedCpas(
      HostedCpa.HostParts host,
      HostingStatus status,
      Path root,
      int shardCount,
      IntPredicate holds,
      IntPredicate mayAct) {
    this.host = host;
    this.status = status;
    this.root = root;
    this.shardCount = shardCount;
    this.holds = holds;
    this.mayAct = mayAct;
    this.configMaps = new FollowedConfigMaps(host.client(), this::configMapChanged);
  }

  /** Starts following the CPAs of {@code namespace}, or of every namespace. */
  public void start(Optional<String> namespace) {
    MixedOperation<CustomPodAutoscaler, ?, ?> resources =
        host.client().resources(CustomPodAutoscaler.class);
    // The cache is in its field before its first event reaches the handler, which reads it.
    cpas =
        namespace
            .<Informable<CustomPodAutoscaler>>map(resources::inNamespace)
            .orElseGet(resources::inAnyNamespace)
            .runnableInformer(0);
    cpas.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(CustomPodAutoscaler cpa) {
            bringInLineLater(cpa);
          }

          @Override
          public void onUpdate(CustomPodAutoscaler before, CustomPodAutoscaler after) {
            bringInLineLater(after);
          }

          @Override
          public void onDelete(CustomPodAutoscaler cpa, boolean finalStateUnknown) {
            bringInLineLater(cpa);
          }
        });
    cpas.run();
  }

  /** Brings in line, on the hosting thread, the CPAs that name the ConfigMap of key {@code key}. */
  private void configMapChanged(String key) {
    onHostingThread(() -> configMaps.namers(key).forEach(this::bringInLine));
  }

  private void bringInLineLater(CustomPodAutoscaler cpa) {
    String key = Cache.metaNamespaceKeyFunc(cpa);
    onHostingThread(() -> bringInLine(key));
  }

  /** Runs {@code work} on the hosting thread, unless the CPAs are being closed. */
  private void onHostingThread(Runnable work) {
    if (closing) {
      return;
    }
    try {
      hosting.execute(
          () -> {
            if (!closing) {
              work.run();
            }
          });
    } catch (RejectedExecutionException e) {
      // The CPAs closed in between: nothing is to be brought in line any more.
    }
  }

  @Override
  public void acquired(int shard) {
    hosting.execute(
        () -> {
          for (String key : cpas.getStore().listKeys()) {
            if (shardOf(key) == shard) {
              bringInLine(key);
            }
          }
        });
  }

  @Override
  public void lost(int shard) {
    awaitOnHostingThread(
        () -> {
          Set<String> keys = new HashSet<>(placed.keySet());
          keys.addAll(configMaps.followers());
          for (String key : keys) {
            if (shardOf(key) == shard) {
              leave(key);
            }
          }
        });
  }

  /** Starts, restarts or stops the CPA {@code key} as its resource and ConfigMaps now say. */
  private void bringInLine(String key) {
    CustomPodAutoscaler cpa = cpas.getStore().getByKey(key);
    if (cpa == null || !runsHere(key, cpa)) {
      leave(key);
      return;
    }
    // A CPA that cannot be hosted reads nothing: its status says why (start does).
    configMaps.follow(
        key,
        cpa.getMetadata().getNamespace(),
        Hosting.needsItsOwnPod(cpa).isEmpty() ? Hosting.configMapNames(cpa) : List.of());
    FollowedConfigMaps.Reading reading = configMaps.read(key);
    if (reading instanceof FollowedConfigMaps.Waiting) {
      stop(key);
      return;
    }
    String inputs = inputs(cpa, reading);
    Placed before = placed.get(key);
    if (before != null && before.inputs().equals(inputs)) {
      return;
    }
    stop(key);
    if (reading instanceof FollowedConfigMaps.Read read) {
      placed.put(key, new Placed(inputs, start(cpa, read.configMaps())));
    } else if (reading instanceof FollowedConfigMaps.Failed failed) {
      status.notRunning(cpa, "CannotReadConfigMap", failed.message() + "; the host tries again");
      placed.put(key, new Placed(inputs, null));
    }
  }

  /** Stops the CPA {@code key} if it runs here, and follows no ConfigMap for it. */
  private void leave(String key) {
    stop(key);
    configMaps.follow(key, "", List.of());
  }

  /**
   * Whether {@code cpa} is to run on this replica: it asks to be hosted, its shard is held here,
   * and it is not paused (the operator then holds its target).
   */
  private boolean runsHere(String key, CustomPodAutoscaler cpa) {
    return Boolean.TRUE.equals(cpa.getSpec().getHosted())
        && holds.test(shardOf(key))
        && !(PauseRequest.from(cpa.getMetadata().getAnnotations()) instanceof PauseRequest.Paused);
  }

  /** The CPA running, or null when it cannot run, which its status then says. */
  private HostedCpa start(CustomPodAutoscaler cpa, Map<String, ConfigMap> mounted) {
    List<String> reasons = Hosting.needsItsOwnPod(cpa);
    if (!reasons.isEmpty()) {
      status.notRunning(cpa, "NeedsItsOwnPod", String.join("; ", reasons));
      return null;
    }
    String key = Cache.metaNamespaceKeyFunc(cpa);
    Path folder = root.resolve(key).resolve(String.valueOf(starts.incrementAndGet()));
    int shard = shardOf(key);
    try {
      HostedCpa running = HostedCpa.start(cpa, mounted, folder, host, () -> mayAct.test(shard));
      status.running(cpa);
      log.info("runs {}", key);
      return running;
    } catch (InvalidConfigException e) {
      status.notRunning(cpa, "InvalidConfiguration", e.getMessage());
    } catch (MissingConfigMapException e) {
      status.notRunning(cpa, "MissingConfigMap", e.getMessage());
    } catch (IOException | IllegalArgumentException e) {
      status.notRunning(cpa, "CannotStart", e.getMessage());
    }
    log.warn("cannot run {}", key);
    return null;
  }

  /** Stops the CPA {@code key} if it runs here: no new run now, the rest in the background. */
  private void stop(String key) {
    Placed gone = placed.remove(key);
    if (gone != null && gone.running() != null) {
      gone.running().stopScheduling();
      stopping.execute(gone.running()::close);
      log.info("stopped {}", key);
    }
  }

  /**
   * What a CPA's run depends on: its spec's generation and its ConfigMaps' versions, or why they
   * cannot be read.
   */
  private static String inputs(CustomPodAutoscaler cpa, FollowedConfigMaps.Reading reading) {
    StringBuilder inputs = new StringBuilder(cpa.getMetadata().getUid());
    inputs.append('@').append(cpa.getMetadata().getGeneration());
    if (reading instanceof FollowedConfigMaps.Read read) {
      read.configMaps()
          .forEach(
              (name, configMap) ->
                  inputs
                      .append(' ')
                      .append(name)
                      .append('@')
                      .append(configMap.getMetadata().getResourceVersion()));
    } else if (reading instanceof FollowedConfigMaps.Failed failed) {
      inputs.append(" failed: ").append(failed.message());
    }
    return inputs.toString();
  }

  /** The shard of the CPA of cache key {@code key}, {@code namespace/name}. */
  private int shardOf(String key) {
    int slash = key.indexOf('/');
    return ShardKey.of(key.substring(0, slash), key.substring(slash + 1), shardCount);
  }

  /** How many CPAs run here now. */
  public int running() {
    return awaitOnHostingThread(
        () -> (int) placed.values().stream().filter(p -> p.running() != null).count());
  }

  /** Stops every CPA, waiting for each to end. */
  @Override
  public void close() {
    closing = true;
    if (cpas != null) {
      cpas.close();
    }
    awaitOnHostingThread(
        () -> {
          List.copyOf(placed.keySet()).forEach(this::stop);
          configMaps.close();
        });
    hosting.shutdown();
    stopping.shutdown();
    status.close();
    try {
      stopping.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitOnHostingThread(Runnable work) {
    awaitOnHostingThread(
        () -> {
          work.run();
          return null;
        });
  }

  private <T> T awaitOnHostingThread(Callable<T> work) {
    try {
      return hosting.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the hosted CPAs changed", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
