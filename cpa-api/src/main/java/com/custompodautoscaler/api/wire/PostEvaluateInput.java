package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/** What the {@code postEvaluate} hook reads: the evaluate input plus the parsed evaluation. */
@JsonPropertyOrder({"metrics", "resource", "evaluation", "runType"})
public record PostEvaluateInput(
    List<ResourceMetric> metrics,
    @JsonRawValue String resource,
    Evaluation evaluation,
    String runType) {}
