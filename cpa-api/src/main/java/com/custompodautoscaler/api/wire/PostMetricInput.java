package com.custompodautoscaler.api.wire;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * What the {@code postMetric} hook reads: the target, the gathered metrics, the run type, the
 * Kubernetes metrics, and why each of the others could not be gathered (each left out when there
 * are none).
 */
@JsonPropertyOrder({
  "resource",
  "metrics",
  "runType",
  "kubernetesMetrics",
  "kubernetesMetricFailures"
})
public record PostMetricInput(
    @JsonRawValue String resource,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ResourceMetric> metrics,
    String runType,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<KubernetesMetric> kubernetesMetrics,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> kubernetesMetricFailures) {}
