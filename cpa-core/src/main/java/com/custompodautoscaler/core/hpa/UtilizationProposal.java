package com.custompodautoscaler.core.hpa;

/**
 * The replica count a Resource Utilization metric proposes, with the current utilization (percent
 * of requests) and the raw average usage per pod (milli-units) it was computed from.
 */
public record UtilizationProposal(int replicas, int utilization, long rawAverageValue) {}
