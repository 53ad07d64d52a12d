package com.custompodautoscaler.core.behavior;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Everything a decision with a {@code behavior} depends on, the current time included. */
public record BehaviorInput(
    int currentReplicas,
    int evaluatedReplicas,
    ReplicaBounds bounds,
    ScalingBehavior behavior,
    BehaviorState state,
    Instant now) {

  public BehaviorInput {
    if (currentReplicas < 0) {
      throw new IllegalArgumentException(
          "current replicas must not be negative, got " + currentReplicas);
    }
    if (evaluatedReplicas < 0) {
      throw new IllegalArgumentException(
          "evaluated replicas must not be negative, got " + evaluatedReplicas);
    }
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(behavior, "behavior");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(now, "now");
    List<BehaviorProblem> problems = behavior.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid behavior: "
              + problems.stream().map(BehaviorProblem::describe).collect(Collectors.joining("; ")));
    }
  }
}
