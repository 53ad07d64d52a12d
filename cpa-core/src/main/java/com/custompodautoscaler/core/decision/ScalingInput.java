package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Everything a scaling decision depends on, the current time included. */
public record ScalingInput(
    int currentReplicas,
    int evaluatedReplicas,
    ReplicaBounds bounds,
    Duration downscaleStabilization,
    Instant now,
    RecommendationHistory history) {

  public ScalingInput {
    if (currentReplicas < 0) {
      throw new IllegalArgumentException(
          "current replicas must not be negative, got " + currentReplicas);
    }
    if (evaluatedReplicas < 0) {
      throw new IllegalArgumentException(
          "evaluated replicas must not be negative, got " + evaluatedReplicas);
    }
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(history, "history");
    if (downscaleStabilization.isNegative()) {
      throw new IllegalArgumentException(
          "downscale stabilization must not be negative, got " + downscaleStabilization);
    }
  }
}
