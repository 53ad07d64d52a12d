package com.custompodautoscaler.core.hpa;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The target's pods sorted the way the HPA sorts them: the samples that count (those of dropped and
 * unready pods removed), the number of ready pods, the unready pods (the {@code ignored_pods} of
 * {@code kubernetesMetrics}), the pods without a sample, the deleted or Failed pods that are
 * dropped altogether, and how many pods were listed.
 */
public record GroupedPods(
    Map<String, PodMetricSample> samples,
    int readyPodCount,
    Set<String> unreadyPods,
    Set<String> missingPods,
    Set<String> droppedPods,
    int totalPods) {

  public GroupedPods {
    samples = Map.copyOf(samples);
    unreadyPods = Set.copyOf(unreadyPods);
    missingPods = Set.copyOf(missingPods);
    droppedPods = Set.copyOf(droppedPods);
  }

  /** These groups as the replica calculator takes them. */
  public PodMetrics podMetrics() {
    Map<String, Long> values =
        samples.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().value()));
    return new PodMetrics(values, readyPodCount, unreadyPods, missingPods);
  }
}
