package com.custompodautoscaler.core.decision;

import java.util.Objects;

/**
 * The replica count a run settled on, why, and the state to keep for the next run; what the base
 * program applies and reports.
 */
public record ReplicaDecision(int targetReplicas, DecisionReason reason, DecisionState state) {

  public ReplicaDecision {
    if (targetReplicas < 0) {
      throw new IllegalArgumentException(
          "target replicas must not be negative, got " + targetReplicas);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(state, "state");
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
