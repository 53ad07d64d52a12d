package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;

/**
 * CPA v2's scaling rules: clamp the evaluation to the bounds, leave a target with 0 replicas alone
 * unless scaling from zero is allowed, and hold downscales at the highest recommendation inside
 * {@code window}. Upscales are never delayed.
 */
public record CpaDownscaleStabilization(Duration window) implements DecisionRules {

  public CpaDownscaleStabilization {
    StabilizationWindows.requireNonNegative(window);
  }

  @Override
  public ReplicaDecision decide(DecisionInput input) {
    ReplicaBounds bounds = input.bounds();
    DecisionState state = input.state();
    if (input.currentReplicas() == 0 && !bounds.allowsZero()) {
      return new ReplicaDecision(0, DecisionReason.AUTOSCALING_DISABLED, state);
    }
    int clamped = clamp(input.evaluatedReplicas(), bounds);
    Instant cutoff = input.now().minus(window);
    RecommendationHistory history =
        input.history().withoutEntriesBefore(cutoff).with(new Recommendation(input.now(), clamped));
    int stabilized = Math.max(clamped, history.maxReplicas());
    return new ReplicaDecision(
        stabilized,
        reasonFor(input.evaluatedReplicas(), clamped, stabilized),
        state.withRecommendations(history));
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
