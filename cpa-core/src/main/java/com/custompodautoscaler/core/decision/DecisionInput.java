package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Instant;
import java.util.Objects;

/** Everything a decision depends on, the current time included. */
public record DecisionInput(
    int currentReplicas,
    int evaluatedReplicas,
    ReplicaBounds bounds,
    DecisionState state,
    Instant now) {

  public DecisionInput {
    if (currentReplicas < 0) {
      throw new IllegalArgumentException(
          "current replicas must not be negative, got " + currentReplicas);
    }
    if (evaluatedReplicas < 0) {
      throw new IllegalArgumentException(
          "evaluated replicas must not be negative, got " + evaluatedReplicas);
    }
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(now, "now");
  }

  /** The recommendations the state keeps. */
  RecommendationHistory history() {
    return state.recommendations();
  }

  /**
   * The state with the current count as its first recommendation when it keeps none yet: the HPA
   * controller counts the count it first finds as a recommendation, before anything else, which
   * holds off scaling down for one window.
   */
  DecisionState seededState() {
    if (!state.recommendations().isEmpty()) {
      return state;
    }
    return state.withRecommendations(
        state.recommendations().with(new Recommendation(now, currentReplicas)));
  }
}
