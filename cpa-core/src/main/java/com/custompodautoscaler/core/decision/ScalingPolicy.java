package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Instant;

/**
 * CPA v2's scaling rules as a pure function: clamp the evaluation to the bounds, leave a target
 * with 0 replicas alone unless scaling from zero is allowed, and hold downscales at the highest
 * recommendation inside the stabilization window. Upscales are never delayed.
 */
public final class ScalingPolicy implements WindowPolicy {

  @Override
  public ScalingDecision decide(ScalingInput input) {
    ReplicaBounds bounds = input.bounds();
    if (input.currentReplicas() == 0 && !bounds.allowsZero()) {
      return new ScalingDecision(0, DecisionReason.AUTOSCALING_DISABLED, input.history());
    }
    int clamped = clamp(input.evaluatedReplicas(), bounds);
    Instant cutoff = input.now().minus(input.downscaleStabilization());
    RecommendationHistory history =
        input.history().withoutEntriesBefore(cutoff).with(new Recommendation(input.now(), clamped));
    int stabilized = Math.max(clamped, history.maxReplicas());
    return new ScalingDecision(
        stabilized, reasonFor(input.evaluatedReplicas(), clamped, stabilized), history);
  }

  private static int clamp(int evaluated, ReplicaBounds bounds) {
    return Math.min(Math.max(evaluated, bounds.min()), bounds.max());
  }

  private static DecisionReason reasonFor(int evaluated, int clamped, int stabilized) {
    if (stabilized > clamped) {
      return DecisionReason.DOWNSCALE_STABILIZED;
    }
    if (clamped > evaluated) {
      return DecisionReason.RAISED_TO_MIN;
    }
    if (clamped < evaluated) {
      return DecisionReason.LOWERED_TO_MAX;
    }
    return DecisionReason.AS_EVALUATED;
  }
}
