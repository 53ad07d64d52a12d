package com.custompodautoscaler.core.hpa;

import java.util.Map;
import java.util.Set;

/**
 * The per-pod values of one Resource or Pods metric after grouping, shaped like the {@code
 * resource} and {@code pods} entries of {@code kubernetesMetrics}: the values (milli-units) of the
 * pods that count, how many listed pods are ready, the unready pods ({@code ignored_pods}) and the
 * pods without a sample ({@code missing_pods}). Values may include pods that were not listed.
 */
public record PodMetrics(
    Map<String, Long> values, int readyPodCount, Set<String> unreadyPods, Set<String> missingPods) {

  public PodMetrics {
    values = Map.copyOf(values);
    unreadyPods = Set.copyOf(unreadyPods);
    missingPods = Set.copyOf(missingPods);
    if (readyPodCount < 0) {
      throw new IllegalArgumentException(
          "ready pod count must not be negative, got " + readyPodCount);
    }
    requireNoValueFor(unreadyPods, values, "unready");
    requireNoValueFor(missingPods, values, "missing");
  }

  private static void requireNoValueFor(Set<String> pods, Map<String, Long> values, String kind) {
    for (String pod : pods) {
      if (values.containsKey(pod)) {
        throw new IllegalArgumentException(
            "pod " + pod + " is listed as " + kind + " but still has a metric value");
      }
    }
  }
}
