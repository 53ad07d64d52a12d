package com.custompodautoscaler.playground;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a cluster's controllers and kubelets would do, in miniature: for every Deployment,
 * StatefulSet and ReplicaSet in the namespace, pods are created and deleted to match its replicas,
 * marked Running and Ready with a loopback pod IP, and the workload's status is updated.
 */
final class WorkloadSimulator implements PodMaker {

  private static final Logger log = LoggerFactory.getLogger(WorkloadSimulator.class);
  static final String OWNER_LABEL = "playground.custompodautoscaler.com/owner";
  private static final Duration PERIOD = Duration.ofMillis(300);

  /** StatefulSet pods go by ordinal, others by age, so that scale-down removes the last ones. */
  private static final Comparator<Pod> BY_ORDINAL =
      Comparator.comparingInt(
          pod -> {
            String name = pod.getMetadata().getName();
            return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
          });

  private static final Comparator<Pod> BY_AGE =
      Comparator.comparing((Pod pod) -> pod.getMetadata().getCreationTimestamp())
          .thenComparing(pod -> pod.getMetadata().getName());

  private final KubernetesClient client;
  private final String namespace;
  private final PodListener pods;
  private final RepeatingPass passes;

  /** Hears of pod addresses: each new one before its pod runs, and all of them after every pass. */
  interface PodListener {
    void starting(String podIp);

    void running(List<String> podIps);
  }

  WorkloadSimulator(KubernetesClient client, String namespace, PodListener pods) {
    this.client = client;
    this.namespace = namespace;
    this.pods = pods;
    this.passes = new RepeatingPass("workload-simulator", PERIOD, this::reconcileAll);
  }

  @Override
  public void start() {
    passes.start();
  }

  /** One pass over every workload of the namespace. */
  void reconcileAll() {
    for (Deployment deployment :
        client.apps().deployments().inNamespace(namespace).list().getItems()) {
      int ready =
          reconcile(
              deployment,
              deployment.getSpec().getReplicas(),
              deployment.getSpec().getTemplate(),
              false);
      deployment.setStatus(
          new DeploymentStatusBuilder()
              .withReplicas(ready)
              .withReadyReplicas(ready)
              .withAvailableReplicas(ready)
              .withUpdatedReplicas(ready)
              .withObservedGeneration(deployment.getMetadata().getGeneration())
              .build());
      updateStatus(deployment);
    }
    for (StatefulSet set : client.apps().statefulSets().inNamespace(namespace).list().getItems()) {
      int ready = reconcile(set, set.getSpec().getReplicas(), set.getSpec().getTemplate(), true);
      set.setStatus(
          new StatefulSetStatusBuilder()
              .withReplicas(ready)
              .withReadyReplicas(ready)
              .withCurrentReplicas(ready)
              .withObservedGeneration(set.getMetadata().getGeneration())
              .build());
      updateStatus(set);
    }
    for (ReplicaSet set : client.apps().replicaSets().inNamespace(namespace).list().getItems()) {
      int ready = reconcile(set, set.getSpec().getReplicas(), set.getSpec().getTemplate(), false);
      set.setStatus(
          new ReplicaSetStatusBuilder()
              .withReplicas(ready)
              .withReadyReplicas(ready)
              .withAvailableReplicas(ready)
              .withObservedGeneration(set.getMetadata().getGeneration())
              .build());
      updateStatus(set);
    }
    pods.running(
        client.pods().inNamespace(namespace).list().getItems().stream()
            .map(pod -> pod.getStatus() == null ? null : pod.getStatus().getPodIP())
            .filter(ip -> ip != null && !ip.isEmpty())
            .sorted()
            .toList());
  }

  /** Makes the workload's pods match {@code desired}; returns how many there are now. */
  private int reconcile(
      HasMetadata workload, Integer desired, PodTemplateSpec template, boolean ordinals) {
    String owner = workload.getKind() + "." + workload.getMetadata().getName();
    List<Pod> owned =
        new ArrayList<>(
            client.pods().inNamespace(namespace).withLabel(OWNER_LABEL, owner).list().getItems());
    owned.sort(ordinals ? BY_ORDINAL : BY_AGE);
    int target = desired == null ? 1 : desired;
    while (owned.size() > target) {
      Pod last = owned.remove(owned.size() - 1);
      client
          .pods()
          .inNamespace(namespace)
          .withName(last.getMetadata().getName())
          .withGracePeriod(0)
          .delete();
    }
    Set<String> usedIps = usedIps();
    for (int index = owned.size(); index < target; index++) {
      String name =
          ordinals ? workload.getMetadata().getName() + "-" + index : randomName(workload);
      owned.add(createRunningPod(workload, owner, name, template, nextFreeIp(usedIps)));
    }
    return owned.size();
  }

  private Pod createRunningPod(
      HasMetadata workload, String owner, String name, PodTemplateSpec template, String ip) {
    Map<String, String> labels = new HashMap<>();
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      labels.putAll(template.getMetadata().getLabels());
    }
    labels.put(OWNER_LABEL, owner);
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(workload.getApiVersion())
                    .withKind(workload.getKind())
                    .withName(workload.getMetadata().getName())
                    .withUid(workload.getMetadata().getUid())
                    .withController(true)
                    .build())
            .endMetadata()
            .withSpec(template.getSpec())
            .editSpec()
            .withNodeName("playground-node")
            .endSpec()
            .build();
    pods.starting(ip);
    Pod created = client.pods().inNamespace(namespace).resource(pod).create();
    String now = Instant.now().toString();
    created.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withPodIP(ip)
            .withHostIP("127.0.0.1")
            .withStartTime(now)
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .withLastTransitionTime(now)
            .endCondition()
            .build());
    return client.pods().inNamespace(namespace).resource(created).updateStatus();
  }

  private void updateStatus(HasMetadata workload) {
    try {
      client.resource(workload).inNamespace(namespace).updateStatus();
    } catch (KubernetesClientException e) {
      // Someone (the autoscaler) changed the object since it was read; the next pass will do.
      log.debug("status of {} not updated: {}", workload.getMetadata().getName(), e.getMessage());
    }
  }

  private Set<String> usedIps() {
    return client.pods().inNamespace(namespace).list().getItems().stream()
        .map(pod -> pod.getStatus() == null ? null : pod.getStatus().getPodIP())
        .filter(ip -> ip != null)
        .collect(Collectors.toSet());
  }

  /** The next free loopback address from 127.0.0.2, marked as used. */
  private static String nextFreeIp(Set<String> used) {
    for (int last = 2; last < 255; last++) {
      String ip = "127.0.0." + last;
      if (used.add(ip)) {
        return ip;
      }
    }
    throw new IllegalStateException("the playground runs out of pod addresses above 253 pods");
  }

  private static String randomName(HasMetadata workload) {
    String letters = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder suffix = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      suffix.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
    }
    return workload.getMetadata().getName() + "-" + suffix;
  }

  @Override
  public void close() {
    passes.close();
  }
}
