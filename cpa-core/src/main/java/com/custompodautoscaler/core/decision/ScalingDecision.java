package com.custompodautoscaler.core.decision;

import java.util.Objects;

/**
 * The replica count a run settles on, why, and the stabilization history to keep for the next run.
 */
public record ScalingDecision(
    int targetReplicas, DecisionReason reason, RecommendationHistory history) {

  public ScalingDecision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(history, "history");
  }

  /** Whether autoscaling is off for the target, so nothing may be changed or hooked. */
  public boolean isDisabled() {
    return reason == DecisionReason.AUTOSCALING_DISABLED;
  }

  /** Whether applying this decision changes a target that has {@code currentReplicas}. */
  public boolean changes(int currentReplicas) {
    return !isDisabled() && targetReplicas != currentReplicas;
  }
}
