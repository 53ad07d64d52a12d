package com.custompodautoscaler.hpa;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What the metric stage writes and the evaluate stage reads back: the target's {@code
 * spec.replicas} and one result per metric.
 */
@JsonPropertyOrder({"specReplicas", "metrics"})
record MetricStageOutput(Integer specReplicas, List<Result> metrics) {

  /**
   * One metric's proposal with its current value (a utilization percentage, or milli-units), or the
   * error that kept it from proposing.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"metric", "replicas", "current", "error"})
  record Result(String metric, Integer replicas, Long current, String error) {}
}
