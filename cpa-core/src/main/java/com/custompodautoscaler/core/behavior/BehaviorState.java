package com.custompodautoscaler.core.behavior;

import com.custompodautoscaler.core.decision.RecommendationHistory;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link BehaviorPolicy} remembers between runs: the unstabilized recommendations and the
 * rescales in each direction. Plain data, so the base program can persist and restore it.
 */
public record BehaviorState(
    RecommendationHistory recommendations, ScaleEvents scaleUpEvents, ScaleEvents scaleDownEvents) {

  public BehaviorState {
    Objects.requireNonNull(recommendations, "recommendations");
    Objects.requireNonNull(scaleUpEvents, "scaleUpEvents");
    Objects.requireNonNull(scaleDownEvents, "scaleDownEvents");
  }

  /** Nothing remembered, as every autoscaler starts. */
  public static BehaviorState empty() {
    return new BehaviorState(
        RecommendationHistory.empty(), ScaleEvents.empty(), ScaleEvents.empty());
  }

  /** This state with other recommendations. */
  public BehaviorState withRecommendations(RecommendationHistory history) {
    return new BehaviorState(history, scaleUpEvents, scaleDownEvents);
  }

  /**
   * This state after the target was rescaled from {@code fromReplicas} to {@code toReplicas} at
   * {@code at}; call it only once the new count was applied. The event goes to the direction's
   * list, reusing the last slot of an event older than that direction's longest policy period. The
   * same count on both sides is no rescale and leaves the state as it is.
   */
  public BehaviorState withRescale(
      int fromReplicas, int toReplicas, ScalingBehavior behavior, Instant at) {
    if (toReplicas > fromReplicas) {
      Instant outdatedBefore = at.minus(behavior.scaleUp().longestPeriod());
      ScaleEvent event = new ScaleEvent(at, toReplicas - fromReplicas);
      return new BehaviorState(
          recommendations, scaleUpEvents.with(event, outdatedBefore), scaleDownEvents);
    }
    if (toReplicas < fromReplicas) {
      Instant outdatedBefore = at.minus(behavior.scaleDown().longestPeriod());
      ScaleEvent event = new ScaleEvent(at, fromReplicas - toReplicas);
      return new BehaviorState(
          recommendations, scaleUpEvents, scaleDownEvents.with(event, outdatedBefore));
    }
    return this;
  }
}
