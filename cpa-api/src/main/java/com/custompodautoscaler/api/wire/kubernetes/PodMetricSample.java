package com.custompodautoscaler.api.wire.kubernetes;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One pod's sample, with CPA v2's capitalised names.
 *
 * @param timestamp when it was taken, RFC 3339
 * @param window the span it covers, in nanoseconds
 * @param value the value in milli-units (millicores for CPU)
 */
@JsonPropertyOrder({"Timestamp", "Window", "Value"})
public record PodMetricSample(
    @JsonProperty("Timestamp") String timestamp,
    @JsonProperty("Window") long window,
    @JsonProperty("Value") long value) {}
