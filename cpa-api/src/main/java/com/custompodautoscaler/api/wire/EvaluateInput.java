package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * What the evaluate method and the {@code preEvaluate} hook read: the gathered metrics ({@code
 * null} when per-pod mode found no pods), the target and the run type.
 */
@JsonPropertyOrder({"metrics", "resource", "runType"})
public record EvaluateInput(
    List<ResourceMetric> metrics, @JsonRawValue String resource, String runType) {}
