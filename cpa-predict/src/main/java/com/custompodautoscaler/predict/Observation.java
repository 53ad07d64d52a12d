package com.custompodautoscaler.predict;

import java.time.Instant;
import java.util.Objects;

/**
 * A replica count and when it was observed.
 *
 * @param time when
 * @param replicas the count
 */
public record Observation(Instant time, int replicas) {

  public Observation {
    Objects.requireNonNull(time, "time");
  }
}
