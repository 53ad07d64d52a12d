package com.custompodautoscaler.core.hpa;

import java.util.Objects;

/** What one metric of an autoscaler yielded: a replica proposal, or the reason it has none. */
public sealed interface MetricOutcome {

  /** The metric's name as messages show it, such as {@code cpu resource utilization}. */
  String metric();

  /** A metric that proposes {@code replicas}. */
  record Proposal(String metric, int replicas) implements MetricOutcome {

    public Proposal {
      Objects.requireNonNull(metric, "metric");
      if (replicas < 0) {
        throw new IllegalArgumentException(
            "proposed replicas must not be negative, got " + replicas + " from " + metric);
      }
    }
  }

  /** A metric that could not be computed, and why. */
  record Failure(String metric, RuntimeException cause) implements MetricOutcome {

    public Failure {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(cause, "cause");
    }

    /** The metric and its error, as a message names it. */
    public String describe() {
      return metric + ": " + cause.getMessage();
    }
  }
}
