package com.custompodautoscaler.core.hpa;

/**
 * Which pods grouping may trust. CPU usage of a starting pod is unrepresentative, so for the {@code
 * cpu} resource a pod's readiness history also decides; every other metric only looks at the pod's
 * phase.
 */
public enum ReadinessRule {
  /** Only Pending pods are unready (Pods metrics and every resource but CPU). */
  PHASE_ONLY,
  /** Pending pods are unready, and so are pods whose CPU samples may come from their start-up. */
  CPU_STARTUP;

  /** The rule for a Resource metric on {@code resourceName}. */
  public static ReadinessRule forResource(String resourceName) {
    return "cpu".equals(resourceName) ? CPU_STARTUP : PHASE_ONLY;
  }
}
