package com.custompodautoscaler.operator.model;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;

/**
 * Whether an autoscaler runs for a CPA, as its workload's status tells: a Deployment with a ready
 * replica, or a bare Pod that is ready. The status says only this, never that an autoscaler runs
 * because one was asked for.
 *
 * @param ready whether a ready autoscaler runs
 * @param description what runs it, or why nothing does
 */
public record AutoscalerWorkload(boolean ready, String description) {

  /** No workload runs the autoscaler, for the reason {@code why}. */
  public static AutoscalerWorkload none(String why) {
    return new AutoscalerWorkload(false, why);
  }

  /** The autoscaler's workload {@code workload}, a Deployment or a Pod, by its status. */
  public static AutoscalerWorkload of(HasMetadata workload) {
    String object = workload.getKind() + " " + workload.getMetadata().getName();
    if (workload instanceof Deployment deployment) {
      int ready =
          deployment.getStatus() == null || deployment.getStatus().getReadyReplicas() == null
              ? 0
              : deployment.getStatus().getReadyReplicas();
      return ready > 0
          ? new AutoscalerWorkload(true, object + " has a ready autoscaler")
          : new AutoscalerWorkload(false, object + " has no ready autoscaler yet");
    }
    if (workload instanceof Pod pod) {
      return isReady(pod)
          ? new AutoscalerWorkload(true, object + " is ready")
          : new AutoscalerWorkload(false, object + " is not ready (" + phase(pod) + ")");
    }
    throw new IllegalArgumentException("an autoscaler does not run in a " + workload.getKind());
  }

  private static boolean isReady(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(PodStatus::getConditions)
        .orElse(List.of())
        .stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String phase(Pod pod) {
    return Optional.ofNullable(pod.getStatus())
        .map(PodStatus::getPhase)
        .map(phase -> "phase " + phase)
        .orElse("no status yet");
  }
}
