package com.custompodautoscaler.core.hpa;

/** The lifecycle phase Kubernetes reports in a pod's {@code status.phase}. */
public enum PodPhase {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED,
  UNKNOWN
}
