package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * What the evaluate method and the {@code preEvaluate} hook read: the gathered metrics ({@code
 * null} when per-pod mode found no pods), the target, the run type, and the {@code state} the
 * evaluate method returned in an earlier run, as it returned it (left out while there is none, so
 * logic that keeps no state reads what CPA v2 sends).
 */
@JsonPropertyOrder({"metrics", "resource", "runType", "state"})
public record EvaluateInput(
    List<ResourceMetric> metrics,
    @JsonRawValue String resource,
    String runType,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String state) {

  /** An input with no state kept. */
  public EvaluateInput(List<ResourceMetric> metrics, String resource, String runType) {
    this(metrics, resource, runType, null);
  }
}
