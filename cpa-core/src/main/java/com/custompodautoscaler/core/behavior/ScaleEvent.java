package com.custompodautoscaler.core.behavior;

import java.time.Instant;
import java.util.Objects;

/** A successful rescale: when, and how many replicas it added or removed. */
public record ScaleEvent(Instant at, int replicaChange) {

  public ScaleEvent {
    Objects.requireNonNull(at, "at");
    if (replicaChange <= 0) {
      throw new IllegalArgumentException(
          "a scale event's replica change must be positive, got " + replicaChange);
    }
  }
}
