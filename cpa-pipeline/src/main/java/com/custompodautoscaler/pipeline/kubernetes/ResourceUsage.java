package com.custompodautoscaler.pipeline.kubernetes;

import com.custompodautoscaler.api.wire.kubernetes.MilliQuantities;
import com.custompodautoscaler.core.hpa.PodMetricSample;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resource's usage and requests per pod, as the HPA sums them: over the pod's containers, or of
 * one named container for a ContainerResource metric.
 */
final class ResourceUsage {

  private ResourceUsage() {}

  /**
   * Each pod's usage of {@code resource}, summed over its containers (or of {@code container} when
   * it is not null); a pod with no containers, or a container without the resource, has no sample.
   */
  static Map<String, PodMetricSample> samples(
      List<MetricsApiClient.PodUsage> pods, String resource, String container) {
    Map<String, PodMetricSample> samples = new LinkedHashMap<>();
    for (MetricsApiClient.PodUsage pod : pods) {
      Map<String, Map<String, String>> usage =
          container == null
              ? pod.usage()
              : pod.usage().containsKey(container)
                  ? Map.of(container, pod.usage().get(container))
                  : Map.of();
      if (usage.isEmpty()
          || usage.values().stream().anyMatch(quantities -> !quantities.containsKey(resource))) {
        continue;
      }
      long sum = 0;
      for (Map<String, String> quantities : usage.values()) {
        sum += MilliQuantities.milli(quantities.get(resource));
      }
      samples.put(pod.pod(), new PodMetricSample(sum, pod.timestamp(), pod.window()));
    }
    return samples;
  }

  /**
   * Each pod's request of {@code resource} in milli-units, for every pod but the {@code dropped}
   * ones: the sum over its containers and sidecar init containers, or of {@code container}.
   */
  static Map<String, Long> requests(
      List<Pod> pods, Set<String> dropped, String resource, String container) {
    Map<String, Long> requests = new LinkedHashMap<>();
    for (Pod pod : pods) {
      String name = pod.getMetadata().getName();
      if (dropped.contains(name)) {
        continue;
      }
      long sum = 0;
      for (Container requesting : requesting(pod, container)) {
        Quantity request =
            requesting.getResources() == null || requesting.getResources().getRequests() == null
                ? null
                : requesting.getResources().getRequests().get(resource);
        if (request == null) {
          throw new IllegalArgumentException(
              "missing request for "
                  + resource
                  + " in container "
                  + requesting.getName()
                  + " of Pod "
                  + name);
        }
        sum += MilliQuantities.milli(request.toString());
      }
      requests.put(name, sum);
    }
    return requests;
  }

  private static List<Container> requesting(Pod pod, String container) {
    if (container != null) {
      return List.of(
          pod.getSpec().getContainers().stream()
              .filter(c -> c.getName().equals(container))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "container "
                              + container
                              + " not found in Pod "
                              + pod.getMetadata().getName())));
    }
    List<Container> containers = new ArrayList<>(pod.getSpec().getContainers());
    if (pod.getSpec().getInitContainers() != null) {
      pod.getSpec().getInitContainers().stream()
          .filter(init -> "Always".equals(init.getRestartPolicy()))
          .forEach(containers::add);
    }
    return containers;
  }
}
