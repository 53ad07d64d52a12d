package com.custompodautoscaler.core.decision;

/** A replica count a run settled on and why; what the base program applies and reports. */
public interface ReplicaDecision {

  /** The replica count the target should have. */
  int targetReplicas();

  /** Why the decision landed on {@link #targetReplicas()}. */
  DecisionReason reason();

  /** Whether autoscaling is off for the target, so nothing may be changed or hooked. */
  default boolean isDisabled() {
    return reason() == DecisionReason.AUTOSCALING_DISABLED;
  }

  /** Whether applying this decision changes a target that has {@code currentReplicas}. */
  default boolean changes(int currentReplicas) {
    return !isDisabled() && targetReplicas() != currentReplicas;
  }
}
