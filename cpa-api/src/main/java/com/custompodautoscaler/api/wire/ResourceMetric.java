package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One metric value: the name of the resource it was gathered for (the target, or one pod) and the
 * metric method's output, verbatim. Empty fields are left out, as CPA v2 leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"resource", "value"})
public record ResourceMetric(String resource, String value) {}
