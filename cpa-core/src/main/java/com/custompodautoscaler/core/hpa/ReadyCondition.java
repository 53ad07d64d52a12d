package com.custompodautoscaler.core.hpa;

import java.time.Instant;
import java.util.Objects;

/** A pod's {@code Ready} condition: its status and when that status last changed. */
public record ReadyCondition(ConditionStatus status, Instant lastTransitionTime) {

  public ReadyCondition {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
  }

  /** Whether the pod reports itself as not ready ({@code Unknown} is not a refusal). */
  public boolean isFalse() {
    return status == ConditionStatus.FALSE;
  }
}
