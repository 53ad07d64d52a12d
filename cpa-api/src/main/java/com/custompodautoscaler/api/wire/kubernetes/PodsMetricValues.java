package com.custompodautoscaler.api.wire.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * A Pods metric (a custom metric of each pod), grouped as the HPA groups pods for it: readiness
 * does not count, only Pending, deleted and Failed pods are left out.
 *
 * @param podMetricsInfo the samples by pod name
 * @param readyPodCount pods with a sample
 * @param ignoredPods Pending pods
 * @param missingPods pods without a sample
 * @param totalPods pods the selector listed
 * @param timestamp when the samples were taken, RFC 3339
 */
@JsonPropertyOrder({
  "pod_metrics_info",
  "ready_pod_count",
  "ignored_pods",
  "missing_pods",
  "total_pods",
  "timestamp"
})
public record PodsMetricValues(
    @JsonProperty("pod_metrics_info") Map<String, PodMetricSample> podMetricsInfo,
    @JsonProperty("ready_pod_count") int readyPodCount,
    @JsonProperty("ignored_pods") Map<String, Map<String, String>> ignoredPods,
    @JsonProperty("missing_pods") Map<String, Map<String, String>> missingPods,
    @JsonProperty("total_pods") int totalPods,
    String timestamp) {}
