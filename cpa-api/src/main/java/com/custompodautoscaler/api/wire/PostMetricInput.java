package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/** What the {@code postMetric} hook reads: the target, the gathered metrics and the run type. */
@JsonPropertyOrder({"resource", "metrics", "runType"})
public record PostMetricInput(
    @JsonRawValue String resource,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ResourceMetric> metrics,
    String runType) {}
