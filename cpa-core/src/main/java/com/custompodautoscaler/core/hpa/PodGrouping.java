package com.custompodautoscaler.core.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sorts a target's pods into ready, unready, missing and dropped, as the upstream HPA does before
 * it computes anything. Deleted and Failed pods are dropped, Pending pods are unready, pods without
 * a sample are missing. For CPU a pod is also unready while its samples may still reflect its
 * start-up: inside the CPU initialization period when it is not ready or its sample does not cover
 * a full window since it became ready; after that period when it is not ready and has never been
 * ready since the initial readiness delay.
 */
public final class PodGrouping {

  private final Duration cpuInitializationPeriod;
  private final Duration initialReadinessDelay;

  /** A grouping with the controller's {@code cpuInitializationPeriod} and readiness delay. */
  public PodGrouping(Duration cpuInitializationPeriod, Duration initialReadinessDelay) {
    this.cpuInitializationPeriod =
        requireNotNegative(cpuInitializationPeriod, "CPU initialization period");
    this.initialReadinessDelay =
        requireNotNegative(initialReadinessDelay, "initial readiness delay");
  }

  /** Groups {@code pods} with their {@code samples} (by pod name) at {@code now}. */
  public GroupedPods group(
      List<PodState> pods, Map<String, PodMetricSample> samples, ReadinessRule rule, Instant now) {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(now, "now");
    Map<String, PodMetricSample> counted = new HashMap<>(samples);
    Set<String> unready = new HashSet<>();
    Set<String> missing = new HashSet<>();
    Set<String> dropped = new HashSet<>();
    int ready = 0;
    for (PodState pod : pods) {
      PodMetricSample sample = samples.get(pod.name());
      if (pod.isGone()) {
        dropped.add(pod.name());
      } else if (pod.phase() == PodPhase.PENDING) {
        unready.add(pod.name());
      } else if (sample == null) {
        missing.add(pod.name());
      } else if (rule == ReadinessRule.CPU_STARTUP && cpuSampleUntrusted(pod, sample, now)) {
        unready.add(pod.name());
      } else {
        ready++;
      }
    }
    counted.keySet().removeAll(dropped);
    counted.keySet().removeAll(unready);
    return new GroupedPods(counted, ready, unready, missing, dropped, pods.size());
  }

  private boolean cpuSampleUntrusted(PodState pod, PodMetricSample sample, Instant now) {
    if (!(pod.startup() instanceof PodStartup.Reported started)) {
      return true;
    }
    ReadyCondition ready = started.ready();
    Instant startTime = started.startTime();
    if (startTime.plus(cpuInitializationPeriod).isAfter(now)) {
      return ready.isFalse() || !sample.coversAFullWindowSince(ready.lastTransitionTime());
    }
    boolean neverReadySinceStart =
        startTime.plus(initialReadinessDelay).isAfter(ready.lastTransitionTime());
    return ready.isFalse() && neverReadySinceStart;
  }

  private static Duration requireNotNegative(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + duration);
    }
    return duration;
  }
}
