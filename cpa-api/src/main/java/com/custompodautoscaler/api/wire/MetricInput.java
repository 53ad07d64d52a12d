package com.custompodautoscaler.api.wire;

import com.custompodautoscaler.api.wire.kubernetes.KubernetesMetric;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * What the metric method and the {@code preMetric} hook read on stdin: the target (or, for the
 * metric method in per-pod mode, one pod) as JSON, the run type, the Kubernetes metrics gathered
 * for the configured specs, and why each of the others could not be gathered (each left out when
 * there are none).
 */
@JsonPropertyOrder({"resource", "runType", "kubernetesMetrics", "kubernetesMetricFailures"})
public record MetricInput(
    @JsonRawValue String resource,
    String runType,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<KubernetesMetric> kubernetesMetrics,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> kubernetesMetricFailures) {}
