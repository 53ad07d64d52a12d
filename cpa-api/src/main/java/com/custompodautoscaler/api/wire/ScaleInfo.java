package com.custompodautoscaler.api.wire;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * What the {@code preScale} and {@code postScale} hooks read. {@code evaluation} holds the final
 * replica count (after bounds and stabilization), {@code targetReplicas} the raw evaluation, and
 * {@code currentReplicas} the count the target had when the run started.
 */
@JsonPropertyOrder({
  "evaluation",
  "resource",
  "scaleTargetRef",
  "namespace",
  "minReplicas",
  "maxReplicas",
  "targetReplicas",
  "currentReplicas",
  "runType"
})
public record ScaleInfo(
    Evaluation evaluation,
    @JsonRawValue String resource,
    ScaleTargetRefDocument scaleTargetRef,
    String namespace,
    int minReplicas,
    int maxReplicas,
    int targetReplicas,
    int currentReplicas,
    String runType) {}
