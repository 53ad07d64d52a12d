package com.custompodautoscaler.api.wire.kubernetes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An Object or External metric: one value (External sums every series the query returns).
 *
 * @param current the value, as {@code value} for a Value target or {@code average_value} for an
 *     AverageValue target
 * @param readyPodCount for a Value target, the target's pods that are Running and Ready; left out
 *     for AverageValue
 * @param timestamp when the value was taken, RFC 3339
 */
@JsonPropertyOrder({"current", "ready_pod_count", "timestamp"})
public record SingleMetricValue(
    Current current,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("ready_pod_count")
        Integer readyPodCount,
    String timestamp) {

  /** The value in milli-units, under the name of its target type. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"value", "average_value"})
  public record Current(Long value, @JsonProperty("average_value") Long averageValue) {}
}
