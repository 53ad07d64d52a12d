package com.custompodautoscaler.autoscaler.run;

import java.util.Objects;

/**
 * A Kubernetes metric that could not be gathered: why, and whether the API server refused the
 * autoscaler's identity (a permission its Role lacks, which retrying will not cure).
 */
public record MetricFailure(String message, boolean forbidden) {

  public MetricFailure {
    Objects.requireNonNull(message, "message");
  }

  /** A failure that is not a refused permission. */
  public static MetricFailure failed(String message) {
    return new MetricFailure(message, false);
  }
}
