package com.custompodautoscaler.pipeline.run;

import java.util.Objects;

/**
 * A Kubernetes metric that could not be gathered: why, and what kind of failure it was, since a
 * refused permission or a metrics API the cluster does not serve will not cure itself on a retry.
 */
public record MetricFailure(String message, Kind kind) {

  /** What kept a metric from being gathered. */
  public enum Kind {
    /** Any failure that is neither of the others: a request, an answer, the pods. */
    FAILED,
    /** The API server refused the autoscaler's identity a permission its Role lacks. */
    FORBIDDEN,
    /** The cluster serves no such metrics API: nothing that serves it is installed. */
    METRICS_API_NOT_SERVED
  }

  public MetricFailure {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(kind, "kind");
  }

  /** A failure that is neither a refused permission nor a metrics API that is not served. */
  public static MetricFailure failed(String message) {
    return new MetricFailure(message, Kind.FAILED);
  }
}
