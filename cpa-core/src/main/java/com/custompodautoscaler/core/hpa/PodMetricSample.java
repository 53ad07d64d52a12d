package com.custompodautoscaler.core.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One pod's metric sample: the value in milli-units, when it was taken, and the window it was
 * averaged over ({@code Value}, {@code Timestamp}, {@code Window} of {@code pod_metrics_info}).
 */
public record PodMetricSample(long value, Instant timestamp, Duration window) {

  public PodMetricSample {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("metric window must not be negative, got " + window);
    }
  }

  /** Whether this sample covers a full window that started at or after {@code instant}. */
  public boolean coversAFullWindowSince(Instant instant) {
    return !timestamp.isBefore(instant.plus(window));
  }
}
