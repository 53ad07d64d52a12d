package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Instant;

/**
 * The Kubernetes HPA's normalization for an HPA without a {@code behavior}, as a pure function,
 * following the controller's {@code recordInitialRecommendation}, {@code stabilizeRecommendation},
 * {@code convertDesiredReplicasWithRules} and {@code calculateScaleUpLimit}
 * (pkg/controller/podautoscaler): the count first found counts as a recommendation; a target at 0
 * replicas is left alone, one outside the bounds goes to the nearer bound; otherwise the highest
 * recommendation inside the window (the controller's downscale stabilization) is kept within the
 * bounds and within a scale-up limit of twice the current replicas, or 4, whichever is more.
 */
public final class HpaWithoutBehaviorPolicy implements WindowPolicy {

  private static final long SCALE_UP_LIMIT_FACTOR = 2;
  private static final long SCALE_UP_LIMIT_MINIMUM = 4;

  @Override
  public ScalingDecision decide(ScalingInput input) {
    int current = input.currentReplicas();
    ReplicaBounds bounds = input.bounds();
    Instant now = input.now();
    RecommendationHistory history =
        input.history().isEmpty()
            ? input.history().with(new Recommendation(now, current))
            : input.history();
    if (current == 0 && !bounds.allowsZero()) {
      return new ScalingDecision(0, DecisionReason.AUTOSCALING_DISABLED, history);
    }
    if (current > bounds.max()) {
      return new ScalingDecision(bounds.max(), DecisionReason.CURRENT_ABOVE_MAX, history);
    }
    if (current < bounds.min()) {
      return new ScalingDecision(bounds.min(), DecisionReason.CURRENT_BELOW_MIN, history);
    }
    int desired = input.evaluatedReplicas();
    RecommendationHistory recent =
        history.withoutEntriesBefore(now.minus(input.downscaleStabilization()));
    int stabilized = Math.max(desired, recent.maxReplicas());
    RecommendationHistory kept = recent.with(new Recommendation(now, desired));
    return within(current, desired, stabilized, bounds, kept);
  }

  private static ScalingDecision within(
      int current, int desired, int stabilized, ReplicaBounds bounds, RecommendationHistory kept) {
    long scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
    boolean limitBinds = bounds.max() > scaleUpLimit;
    int highest = limitBinds ? (int) scaleUpLimit : bounds.max();
    if (stabilized < bounds.min()) {
      return new ScalingDecision(bounds.min(), DecisionReason.RAISED_TO_MIN, kept);
    }
    if (stabilized > highest) {
      return new ScalingDecision(
          highest,
          limitBinds ? DecisionReason.SCALE_UP_LIMITED : DecisionReason.LOWERED_TO_MAX,
          kept);
    }
    return new ScalingDecision(
        stabilized,
        stabilized > desired ? DecisionReason.DOWNSCALE_STABILIZED : DecisionReason.AS_EVALUATED,
        kept);
  }
}
