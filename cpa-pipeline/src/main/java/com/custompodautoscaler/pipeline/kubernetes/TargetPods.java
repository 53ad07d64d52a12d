package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.core.hpa.ConditionStatus;
import com.custompodautoscaler.core.hpa.PodPhase;
import com.custompodautoscaler.core.hpa.PodStartup;
import com.custompodautoscaler.core.hpa.PodState;
import com.custompodautoscaler.core.hpa.ReadyCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The target's pods as typed objects, and what pod grouping needs to know of them. */
final class TargetPods {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final KubernetesRest rest;

  TargetPods(KubernetesRest rest) {
    this.rest = rest;
  }

  /** The pods of {@code namespace} that {@code selector} matches, every phase included. */
  List<Pod> list(String namespace, String selector) {
    String path =
        "/api/v1/namespaces/"
            + URLEncoder.encode(namespace, StandardCharsets.UTF_8)
            + "/pods?labelSelector="
            + URLEncoder.encode(selector, StandardCharsets.UTF_8);
    return SERIALIZATION.unmarshal(rest.get(path), PodList.class).getItems();
  }

  static List<PodState> states(List<Pod> pods) {
    return pods.stream().map(TargetPods::state).toList();
  }

  /** How many of {@code pods} are Running with condition Ready True. */
  static int runningAndReady(List<Pod> pods) {
    return (int)
        pods.stream()
            .filter(pod -> "Running".equals(pod.getStatus().getPhase()))
            .filter(pod -> ready(pod).map(c -> "True".equals(c.getStatus())).orElse(false))
            .count();
  }

  private static PodState state(Pod pod) {
    String startTime = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
    Optional<PodCondition> ready = ready(pod);
    PodStartup startup =
        startTime == null || ready.isEmpty() || ready.get().getLastTransitionTime() == null
            ? PodStartup.unreported()
            : PodStartup.reported(
                Instant.parse(startTime),
                new ReadyCondition(
                    conditionStatus(ready.get().getStatus()),
                    Instant.parse(ready.get().getLastTransitionTime())));
    return new PodState(
        pod.getMetadata().getName(),
        phase(pod.getStatus() == null ? null : pod.getStatus().getPhase()),
        pod.getMetadata().getDeletionTimestamp() != null,
        startup);
  }

  private static Optional<PodCondition> ready(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream()
        .filter(condition -> "Ready".equals(condition.getType()))
        .findFirst();
  }

  private static PodPhase phase(String phase) {
    if (phase == null) {
      return PodPhase.UNKNOWN;
    }
    return switch (phase) {
      case "Pending" -> PodPhase.PENDING;
      case "Running" -> PodPhase.RUNNING;
      case "Succeeded" -> PodPhase.SUCCEEDED;
      case "Failed" -> PodPhase.FAILED;
      default -> PodPhase.UNKNOWN;
    };
  }

  private static ConditionStatus conditionStatus(String status) {
    return switch (String.valueOf(status)) {
      case "True" -> ConditionStatus.TRUE;
      case "False" -> ConditionStatus.FALSE;
      default -> ConditionStatus.UNKNOWN;
    };
  }
}
