package com.custompodautoscaler.host.cpa;

import com.custompodautoscaler.api.v1.Conditions;
import com.custompodautoscaler.api.v1.CustomPodAutoscaler;
import com.custompodautoscaler.api.v1.CustomPodAutoscalerStatus;
import com.custompodautoscaler.api.v1.Hosting;
import com.custompodautoscaler.api.v1.StatusApply;
import com.custompodautoscaler.pipeline.assembly.DaemonThreads;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's part of a hosted CPA's status: {@code hostReplica}, the replica that runs it, and the
 * {@code Hosted} condition, which says whether it runs and, when not, why. Written by server-side
 * apply under the host's field manager, which every replica shares, so the replica that takes a CPA
 * over writes over the one before.
 */
public final class HostingStatus {

  static final String FIELD_MANAGER = "cpa-host";

  private static final Logger log = LoggerFactory.getLogger(HostingStatus.class);

  private final KubernetesClient client;
  private final String replica;
  private final Clock clock;
  private final ExecutorService writes =
      Executors.newSingleThreadExecutor(DaemonThreads.named("hosting-status"));

  public HostingStatus(KubernetesClient client, String replica, Clock clock) {
    this.client = client;
    this.replica = replica;
    this.clock = clock;
  }

  /** Makes the writes still waiting, then stops. */
  public void close() {
    writes.shutdown();
    try {
      writes.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code cpa} runs on this replica. */
  public void running(CustomPodAutoscaler cpa) {
    write(cpa, true, "Running", "replica " + replica + " of the autoscaler host runs it");
  }

  /** {@code cpa} cannot run: {@code reason} in one word, {@code message} saying what to fix. */
  public void notRunning(CustomPodAutoscaler cpa, String reason, String message) {
    write(cpa, false, reason, message);
  }

  private void write(CustomPodAutoscaler cpa, boolean runs, String reason, String message) {
    List<Condition> previous = cpa.getStatus() == null ? null : cpa.getStatus().getConditions();
    CustomPodAutoscalerStatus status = new CustomPodAutoscalerStatus();
    status.setHostReplica(replica);
    status.setConditions(
        List.of(
            Conditions.condition(
                previous, Hosting.CONDITION, runs, reason, message, clock.instant())));
    String namespace = cpa.getMetadata().getNamespace();
    String name = cpa.getMetadata().getName();
    writes.execute(
        () -> {
          try {
            StatusApply.apply(client, StatusApply.patch(namespace, name, status), FIELD_MANAGER);
          } catch (KubernetesClientException e) {
            log.warn("cannot report the hosting of {}/{}: {}", namespace, name, e.getMessage());
          }
        });
  }
}
