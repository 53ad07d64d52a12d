package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What the metric method and the {@code preMetric} hook read on stdin: the target (or, for the
 * metric method in per-pod mode, one pod) as JSON, and the run type.
 */
@JsonPropertyOrder({"resource", "runType"})
public record MetricInput(@JsonRawValue String resource, String runType) {}
