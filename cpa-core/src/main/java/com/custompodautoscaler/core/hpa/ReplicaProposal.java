package com.custompodautoscaler.core.hpa;

/**
 * The replica count a metric proposes and the current value (milli-units) the HPA reports for it:
 * the per-pod average for Pods and Resource AverageValue metrics and for AverageValue targets, the
 * metric value itself for Value targets.
 */
public record ReplicaProposal(int replicas, long currentValue) {}
