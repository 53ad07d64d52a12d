package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;

/**
 * The Kubernetes HPA's normalization for an HPA without a {@code behavior}, following the
 * controller's {@code recordInitialRecommendation}, {@code stabilizeRecommendation}, {@code
 * convertDesiredReplicasWithRules} and {@code calculateScaleUpLimit}
 * (pkg/controller/podautoscaler): the count first found counts as a recommendation; a target at 0
 * replicas is left alone, one outside the bounds goes to the nearer bound; otherwise the highest
 * recommendation inside {@code downscaleStabilization} (the controller's downscale stabilization)
 * is kept within the bounds and within a scale-up limit of twice the current replicas, or 4,
 * whichever is more.
 */
public record HpaWithoutBehavior(Duration downscaleStabilization) implements DecisionRules {

  private static final long SCALE_UP_LIMIT_FACTOR = 2;
  private static final long SCALE_UP_LIMIT_MINIMUM = 4;

  public HpaWithoutBehavior {
    StabilizationWindows.requireNonNegative(downscaleStabilization);
  }

  @Override
  public ReplicaDecision decide(DecisionInput input) {
    DecisionState seeded = input.seededState();
    return TargetOutsideBounds.decide(input.currentReplicas(), input.bounds(), seeded)
        .orElseGet(() -> stabilize(input, seeded));
  }

  /** The highest recommendation inside the window, within the bounds and the scale-up limit. */
  private ReplicaDecision stabilize(DecisionInput input, DecisionState seeded) {
    Instant now = input.now();
    int desired = input.evaluatedReplicas();
    RecommendationHistory recent =
        seeded.recommendations().withoutEntriesBefore(now.minus(downscaleStabilization));
    int stabilized = Math.max(desired, recent.maxReplicas());
    DecisionState kept = seeded.withRecommendations(recent.with(new Recommendation(now, desired)));
    return within(input.currentReplicas(), desired, stabilized, input.bounds(), kept);
  }

  private static ReplicaDecision within(
      int current, int desired, int stabilized, ReplicaBounds bounds, DecisionState kept) {
    long scaleUpLimit = Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
    boolean limitBinds = bounds.max() > scaleUpLimit;
    int highest = limitBinds ? (int) scaleUpLimit : bounds.max();
    if (stabilized < bounds.min()) {
      return new ReplicaDecision(bounds.min(), DecisionReason.RAISED_TO_MIN, kept);
    }
    if (stabilized > highest) {
      return new ReplicaDecision(
          highest,
          limitBinds ? DecisionReason.SCALE_UP_LIMITED : DecisionReason.LOWERED_TO_MAX,
          kept);
    }
    return new ReplicaDecision(
        stabilized,
        stabilized > desired ? DecisionReason.DOWNSCALE_STABILIZED : DecisionReason.AS_EVALUATED,
        kept);
  }
}
