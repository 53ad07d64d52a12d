package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.util.Optional;

/**
 * What the HPA's rules decide before looking at the evaluation: a target at 0 replicas with a
 * minimum above 0 is left alone, and one outside the bounds goes to the nearer bound.
 */
final class TargetOutsideBounds {

  private TargetOutsideBounds() {}

  /** The decision for a target at {@code current} that the bounds settle, if they settle it. */
  static Optional<ReplicaDecision> decide(int current, ReplicaBounds bounds, DecisionState kept) {
    if (current == 0 && !bounds.allowsZero()) {
      return Optional.of(new ReplicaDecision(0, DecisionReason.AUTOSCALING_DISABLED, kept));
    }
    if (current > bounds.max()) {
      return Optional.of(new ReplicaDecision(bounds.max(), DecisionReason.CURRENT_ABOVE_MAX, kept));
    }
    if (current < bounds.min()) {
      return Optional.of(new ReplicaDecision(bounds.min(), DecisionReason.CURRENT_BELOW_MIN, kept));
    }
    return Optional.empty();
  }
}
