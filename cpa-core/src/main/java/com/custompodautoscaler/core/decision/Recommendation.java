package com.custompodautoscaler.core.decision;

import java.time.Instant;
import java.util.Objects;

/** A replica count the autoscaler recommended at a moment, kept for stabilization. */
public record Recommendation(Instant at, int replicas) {

  public Recommendation {
    Objects.requireNonNull(at, "at");
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas must not be negative, got " + replicas);
    }
  }
}
