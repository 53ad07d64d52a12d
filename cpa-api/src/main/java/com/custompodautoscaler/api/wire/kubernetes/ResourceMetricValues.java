package com.custompodautoscaler.api.wire.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A Resource (or ContainerResource) metric of the target's pods, grouped as the HPA groups them.
 *
 * @param podMetricsInfo the samples of the ready pods, by pod name
 * @param requests each pod's request of the resource in milli-units, for a Utilization target; null
 *     for an AverageValue target
 * @param readyPodCount pods with a sample that count as ready
 * @param ignoredPods pods left out for now: Pending, or (for CPU) not yet ready
 * @param missingPods pods without a sample
 * @param totalPods pods the selector listed
 * @param timestamp when the samples were taken, RFC 3339
 */
@JsonPropertyOrder({
  "pod_metrics_info",
  "requests",
  "ready_pod_count",
  "ignored_pods",
  "missing_pods",
  "total_pods",
  "timestamp"
})
public record ResourceMetricValues(
    @JsonProperty("pod_metrics_info") Map<String, PodMetricSample> podMetricsInfo,
    Map<String, Long> requests,
    @JsonProperty("ready_pod_count") int readyPodCount,
    @JsonProperty("ignored_pods") Map<String, Map<String, String>> ignoredPods,
    @JsonProperty("missing_pods") Map<String, Map<String, String>> missingPods,
    @JsonProperty("total_pods") int totalPods,
    String timestamp) {}
