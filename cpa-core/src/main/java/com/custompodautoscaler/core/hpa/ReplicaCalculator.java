package com.custompodautoscaler.core.hpa;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The upstream HPA's replica maths for one metric, as a pure function of grouped metric values.
 * When pods are missing or unready it fills them in conservatively (nothing used on a scale up, the
 * target used on a scale down) and keeps the current count rather than scale the other way. Every
 * result is kept between 0 and the int32 maximum.
 */
public final class ReplicaCalculator {

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final Tolerance tolerance;

  /** A calculator that leaves the replica count alone for ratios within {@code tolerance}. */
  public ReplicaCalculator(Tolerance tolerance) {
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
  }

  /**
   * Replicas for a Resource metric with an {@code averageUtilization} target: usage as a percentage
   * of the pods' requests ({@code requests} by pod name, milli-units). Missing pods count as using
   * {@code max(100, target)} % of their request on a scale down.
   */
  public UtilizationProposal resourceUtilization(
      PodMetrics metrics, Map<String, Long> requests, int targetUtilization, int currentReplicas) {
    requirePositive(targetUtilization, "target utilization");
    requireNotNegative(currentReplicas, "current replicas");
    requireValues(metrics);
    Utilization current = Utilization.of(metrics.values(), requests);
    long fallbackPercent = Math.max(100, targetUtilization);
    int replicas =
        proposeReplicas(
            metrics,
            currentReplicas,
            current.ratioTo(targetUtilization),
            values -> Utilization.of(values, requests).ratioTo(targetUtilization),
            pod -> requestOf(requests, pod) * fallbackPercent / 100);
    return new UtilizationProposal(replicas, current.percent(), current.rawAverage());
  }

  /**
   * Replicas for a Pods metric or a Resource metric with an {@code averageValue} target: the
   * average over all values against the target. Missing pods count as using exactly the target on a
   * scale down.
   */
  public ReplicaProposal averageValue(
      PodMetrics metrics, long targetAverageValue, int currentReplicas) {
    requirePositive(targetAverageValue, "target average value");
    requireNotNegative(currentReplicas, "current replicas");
    requireValues(metrics);
    long average = averageOf(metrics.values());
    int replicas =
        proposeReplicas(
            metrics,
            currentReplicas,
            (double) average / targetAverageValue,
            values -> (double) averageOf(values) / targetAverageValue,
            pod -> targetAverageValue);
    return new ReplicaProposal(replicas, average);
  }

  /**
   * Replicas for an Object or External metric with a {@code value} target (an External value is the
   * sum of its series). The ratio scales the ready pods; a target at 0 replicas scales from zero to
   * {@code ceil(ratio)}, tolerance aside.
   */
  public ReplicaProposal objectValue(
      long value, long targetValue, int readyPodCount, int currentReplicas) {
    requirePositive(targetValue, "target value");
    requireNotNegative(readyPodCount, "ready pod count");
    requireNotNegative(currentReplicas, "current replicas");
    double ratio = (double) value / targetValue;
    if (currentReplicas == 0) {
      return new ReplicaProposal(ceilToReplicas(ratio), value);
    }
    if (tolerance.isWithin(ratio)) {
      return new ReplicaProposal(currentReplicas, value);
    }
    return new ReplicaProposal(ceilToReplicas(ratio * readyPodCount), value);
  }

  /**
   * Replicas for an Object or External metric with an {@code averageValue} target: as many replicas
   * as the value holds targets, measured against the scale's status replicas (the pods that exist,
   * not the ones asked for). The reported value is the value per status replica.
   */
  public ReplicaProposal objectAverageValue(
      long value, long targetAverageValue, int statusReplicas) {
    requirePositive(targetAverageValue, "target average value");
    requireNotNegative(statusReplicas, "status replicas");
    double ratio = value / ((double) targetAverageValue * statusReplicas);
    int replicas =
        tolerance.isWithin(ratio)
            ? statusReplicas
            : ceilToReplicas((double) value / targetAverageValue);
    // With no replicas running the value has nobody to be shared by: report it whole.
    long perReplica =
        statusReplicas == 0 ? value : (long) Math.ceil((double) value / statusReplicas);
    return new ReplicaProposal(replicas, perReplica);
  }

  private int proposeReplicas(
      PodMetrics metrics,
      int currentReplicas,
      double ratio,
      ToDoubleFunction<Map<String, Long>> ratioOf,
      ToLongFunction<String> scaleDownFill) {
    boolean scaleUpWithUnready = !metrics.unreadyPods().isEmpty() && ratio > 1.0;
    if (!scaleUpWithUnready && metrics.missingPods().isEmpty()) {
      return tolerance.isWithin(ratio)
          ? currentReplicas
          : ceilToReplicas(ratio * metrics.readyPodCount());
    }
    Map<String, Long> filled = fillGaps(metrics, ratio, scaleUpWithUnready, scaleDownFill);
    double newRatio = ratioOf.applyAsDouble(filled);
    boolean directionFlips = (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0);
    if (tolerance.isWithin(newRatio) || directionFlips) {
      return currentReplicas;
    }
    int replicas = ceilToReplicas(newRatio * filled.size());
    boolean countFlips =
        (newRatio < 1.0 && replicas > currentReplicas)
            || (newRatio > 1.0 && replicas < currentReplicas);
    return countFlips ? currentReplicas : replicas;
  }

  /** Values with missing pods, and on a scale up unready pods, filled in on the cautious side. */
  private static Map<String, Long> fillGaps(
      PodMetrics metrics,
      double ratio,
      boolean scaleUpWithUnready,
      ToLongFunction<String> scaleDownFill) {
    Map<String, Long> filled = new HashMap<>(metrics.values());
    for (String pod : metrics.missingPods()) {
      if (ratio < 1.0) {
        filled.put(pod, scaleDownFill.applyAsLong(pod));
      } else if (ratio > 1.0) {
        filled.put(pod, 0L);
      }
    }
    if (scaleUpWithUnready) {
      metrics.unreadyPods().forEach(pod -> filled.put(pod, 0L));
    }
    return filled;
  }

  private static long averageOf(Map<String, Long> values) {
    long total = values.values().stream().mapToLong(Long::longValue).sum();
    return total / values.size();
  }

  private static long requestOf(Map<String, Long> requests, String pod) {
    Long request = requests.get(pod);
    if (request == null) {
      throw new ReplicaCalculationException("missing request for pod " + pod);
    }
    return request;
  }

  /** Rounds up and keeps the result a valid replica count, between 0 and the int32 maximum. */
  private static int ceilToReplicas(double replicas) {
    if (!(replicas > 0)) {
      return 0;
    }
    return replicas >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.ceil(replicas);
  }

  private static void requireValues(PodMetrics metrics) {
    if (metrics.values().isEmpty()) {
      throw new ReplicaCalculationException(
          "did not receive metrics for targeted pods (pods might be unready)");
    }
  }

  private static void requirePositive(long value, String what) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }

  private static void requireNotNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
  }

  /** Usage as a whole percentage of requests, over the pods that have a request. */
  private record Utilization(int percent, long rawAverage) {

    static Utilization of(Map<String, Long> values, Map<String, Long> requests) {
      long usage = 0;
      long requested = 0;
      int pods = 0;
      for (Map.Entry<String, Long> entry : values.entrySet()) {
        Long request = requests.get(entry.getKey());
        if (request != null) {
          usage += entry.getValue();
          requested += request;
          pods++;
        }
      }
      if (requested == 0) {
        throw new ReplicaCalculationException("no metrics returned matched known pods");
      }
      return new Utilization(percentOf(usage, requested), usage / pods);
    }

    private static int percentOf(long usage, long requested) {
      BigInteger percent =
          BigInteger.valueOf(usage).multiply(HUNDRED).divide(BigInteger.valueOf(requested));
      return percent.min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    }

    double ratioTo(int targetUtilization) {
      return (double) percent / targetUtilization;
    }
  }
}
