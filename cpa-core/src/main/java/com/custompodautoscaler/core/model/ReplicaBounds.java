package com.custompodautoscaler.core.model;

/** The replica range an autoscaler keeps its target in; a minimum of 0 allows scaling to zero. */
public record ReplicaBounds(int min, int max) {

  public ReplicaBounds {
    if (min < 0 || max < 0) {
      throw new IllegalArgumentException(
          "replica bounds must not be negative, got min " + min + " and max " + max);
    }
    if (min > max) {
      throw new IllegalArgumentException(
          "minReplicas " + min + " is greater than maxReplicas " + max);
    }
  }

  /** Whether scaling to and from zero replicas is allowed. */
  public boolean allowsZero() {
    return min == 0;
  }
}
