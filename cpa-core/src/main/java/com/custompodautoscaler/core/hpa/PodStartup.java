package com.custompodautoscaler.core.hpa;

import java.time.Instant;
import java.util.Objects;

/**
 * What a pod has reported about its start: CPU readiness can only be judged when the pod has both a
 * start time and a {@code Ready} condition.
 */
public sealed interface PodStartup {

  /** A pod that lacks a start time, a {@code Ready} condition, or both. */
  static PodStartup unreported() {
    return new Unreported();
  }

  /** A pod that started at {@code startTime} and whose readiness is {@code ready}. */
  static PodStartup reported(Instant startTime, ReadyCondition ready) {
    return new Reported(startTime, ready);
  }

  /** The pod has not reported enough to judge whether its CPU samples are trustworthy. */
  record Unreported() implements PodStartup {}

  /** The pod's {@code status.startTime} and {@code Ready} condition. */
  record Reported(Instant startTime, ReadyCondition ready) implements PodStartup {

    public Reported {
      Objects.requireNonNull(startTime, "startTime");
      Objects.requireNonNull(ready, "ready");
    }
  }
}
