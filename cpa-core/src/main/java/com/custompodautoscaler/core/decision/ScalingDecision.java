package com.custompodautoscaler.core.decision;

import java.util.Objects;

/**
 * The replica count a run settles on, why, and the stabilization history to keep for the next run.
 */
public record ScalingDecision(
    int targetReplicas, DecisionReason reason, RecommendationHistory history)
    implements ReplicaDecision {

  public ScalingDecision {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(history, "history");
  }
}
