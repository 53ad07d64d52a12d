package com.custompodautoscaler.core.behavior;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How far the replicas may move within one period: by {@code value} pods, or by {@code value}
 * percent of the count at the period's start. Ranges are checked by {@link #problems(String)}.
 */
public record RatePolicy(RatePolicyType type, int value, Duration period) {

  /** The longest period the Kubernetes API accepts. */
  public static final Duration MAX_PERIOD = Duration.ofMinutes(30);

  public RatePolicy {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(period, "period");
  }

  /** A policy allowing {@code pods} pods of change per period. */
  public static RatePolicy pods(int pods, Duration period) {
    return new RatePolicy(RatePolicyType.PODS, pods, period);
  }

  /** A policy allowing {@code percent} percent of change per period. */
  public static RatePolicy percent(int percent, Duration period) {
    return new RatePolicy(RatePolicyType.PERCENT, percent, period);
  }

  /**
   * The most replicas this policy allows, given the count at the start of its period. A percentage
   * rounds up, or a small percentage of a small count would never add a replica. Percentages are
   * computed in double precision exactly as upstream computes them, rounding quirks included (12
   * percent more than 25 is 29 there, not 28), so that decisions match the HPA's.
   */
  public long highestFrom(long periodStartReplicas) {
    return switch (type) {
      case PODS -> periodStartReplicas + value;
      case PERCENT -> (long) Math.ceil(periodStartReplicas * (1 + value / 100.0));
    };
  }

  /**
   * The fewest replicas this policy allows, given the count at the start of its period. A
   * percentage truncates toward zero in double precision, as upstream does (80 percent fewer than
   * 10 is 1 there, not 2).
   */
  public long lowestFrom(long periodStartReplicas) {
    return switch (type) {
      case PODS -> periodStartReplicas - value;
      case PERCENT -> (long) (periodStartReplicas * (1 - value / 100.0));
    };
  }

  List<BehaviorProblem> problems(String path) {
    List<BehaviorProblem> problems = new ArrayList<>();
    if (value <= 0) {
      problems.add(new BehaviorProblem(path + ".value", "must be greater than 0, got " + value));
    }
    long seconds = period.toSeconds();
    if (period.isNegative() || period.isZero()) {
      problems.add(
          new BehaviorProblem(path + ".periodSeconds", "must be greater than 0, got " + seconds));
    } else if (period.compareTo(MAX_PERIOD) > 0) {
      problems.add(
          new BehaviorProblem(
              path + ".periodSeconds",
              "must be at most " + MAX_PERIOD.toSeconds() + ", got " + seconds));
    }
    return problems;
  }
}
