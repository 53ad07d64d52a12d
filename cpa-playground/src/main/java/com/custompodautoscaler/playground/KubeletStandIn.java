package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kubelets would do for the pods real controllers create in a namespace: a pod that is not
 * Running yet is started (Running, with a start time), and becomes Ready {@code readyAfter} after
 * its start. Pods are never bound to a node, so the API server deletes them at once when their
 * ReplicaSet lets them go.
 */
final class KubeletStandIn implements PodMaker {

  private static final Logger log = LoggerFactory.getLogger(KubeletStandIn.class);
  private static final Duration PERIOD = Duration.ofMillis(250);

  private final KubernetesClient client;
  private final String namespace;
  private final Duration readyAfter;
  private final RepeatingPass passes;

  KubeletStandIn(KubernetesClient client, String namespace, Duration readyAfter) {
    this.client = client;
    this.namespace = namespace;
    this.readyAfter = readyAfter;
    this.passes = new RepeatingPass("kubelet-stand-in-" + namespace, PERIOD, this::pass);
  }

  @Override
  public void start() {
    passes.start();
  }

  /** One round over the namespace's pods. */
  void pass() {
    Instant now = Instant.now();
    for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      boolean running = pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
      if (!running) {
        update(pod, now, now);
      } else if (!isReady(pod) && !startOf(pod).plus(readyAfter).isAfter(now)) {
        update(pod, startOf(pod), now);
      }
    }
  }

  /** Marks {@code pod} Running since {@code started}, and Ready if it is time at {@code now}. */
  private void update(Pod pod, Instant started, Instant now) {
    boolean ready = !started.plus(readyAfter).isAfter(now);
    pod.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withStartTime(started.toString())
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready ? "True" : "False")
            .withLastTransitionTime(now.toString())
            .endCondition()
            .build());
    try {
      client.pods().inNamespace(namespace).resource(pod).updateStatus();
    } catch (KubernetesClientException e) {
      // The pod changed or went away since it was listed; the next pass looks again.
      log.debug("pod {} not updated: {}", pod.getMetadata().getName(), e.getMessage());
    }
  }

  private static boolean isReady(Pod pod) {
    return readyCondition(pod).map(condition -> "True".equals(condition.getStatus())).orElse(false);
  }

  private static Optional<PodCondition> readyCondition(Pod pod) {
    return pod.getStatus().getConditions().stream()
        .filter(condition -> "Ready".equals(condition.getType()))
        .findFirst();
  }

  private static Instant startOf(Pod pod) {
    return Instant.parse(pod.getStatus().getStartTime());
  }

  @Override
  public void close() {
    passes.close();
  }
}
