package com.custompodautoscaler.core.hpa;

import java.util.List;
import java.util.Objects;

/**
 * The replica count chosen across an autoscaler's metrics, the metric that proposed it, and the
 * metrics that failed but did not stop a scale up (to be reported all the same).
 */
public record SelectedProposal(int replicas, String metric, List<MetricOutcome.Failure> failures) {

  public SelectedProposal {
    Objects.requireNonNull(metric, "metric");
    failures = List.copyOf(failures);
  }
}
