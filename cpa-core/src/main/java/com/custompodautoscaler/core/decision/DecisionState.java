package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.behavior.ScaleEvent;
import com.custompodautoscaler.core.behavior.ScaleEvents;
import com.custompodautoscaler.core.behavior.ScalingBehavior;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run remembers for the next: the unstabilized recommendations, the rescales in each
 * direction that a {@code behavior}'s rate policies count, and the state the evaluate method asked
 * to keep. Plain data, so a {@code DecisionStateStore} can keep it across restarts.
 *
 * @param logicState the JSON the evaluate method returned as its {@code state}, handed back to it
 *     on the next run; empty when it keeps none
 */
public record DecisionState(
    RecommendationHistory recommendations,
    ScaleEvents scaleUpEvents,
    ScaleEvents scaleDownEvents,
    Optional<String> logicState) {

  public DecisionState {
    Objects.requireNonNull(recommendations, "recommendations");
    Objects.requireNonNull(scaleUpEvents, "scaleUpEvents");
    Objects.requireNonNull(scaleDownEvents, "scaleDownEvents");
    Objects.requireNonNull(logicState, "logicState");
  }

  /** The decisions' part only, with no state of the evaluate method's. */
  public DecisionState(
      RecommendationHistory recommendations,
      ScaleEvents scaleUpEvents,
      ScaleEvents scaleDownEvents) {
    this(recommendations, scaleUpEvents, scaleDownEvents, Optional.empty());
  }

  /** Nothing remembered, as every autoscaler starts. */
  public static DecisionState empty() {
    return new DecisionState(
        RecommendationHistory.empty(), ScaleEvents.empty(), ScaleEvents.empty());
  }

  /** This state with other recommendations. */
  public DecisionState withRecommendations(RecommendationHistory history) {
    return new DecisionState(history, scaleUpEvents, scaleDownEvents, logicState);
  }

  /** This state with the evaluate method's {@code state}, or none. */
  public DecisionState withLogicState(Optional<String> state) {
    return new DecisionState(recommendations, scaleUpEvents, scaleDownEvents, state);
  }

  /**
   * This state after the target was rescaled from {@code fromReplicas} to {@code toReplicas} at
   * {@code at}; call it only once the new count was applied. The event goes to the direction's
   * list, reusing the last slot of an event older than that direction's longest policy period. The
   * same count on both sides is no rescale and leaves the state as it is.
   */
  public DecisionState withRescale(
      int fromReplicas, int toReplicas, ScalingBehavior behavior, Instant at) {
    if (toReplicas > fromReplicas) {
      Instant outdatedBefore = at.minus(behavior.scaleUp().longestPeriod());
      ScaleEvent event = new ScaleEvent(at, toReplicas - fromReplicas);
      return new DecisionState(
          recommendations, scaleUpEvents.with(event, outdatedBefore), scaleDownEvents, logicState);
    }
    if (toReplicas < fromReplicas) {
      Instant outdatedBefore = at.minus(behavior.scaleDown().longestPeriod());
      ScaleEvent event = new ScaleEvent(at, fromReplicas - toReplicas);
      return new DecisionState(
          recommendations, scaleUpEvents, scaleDownEvents.with(event, outdatedBefore), logicState);
    }
    return this;
  }
}
