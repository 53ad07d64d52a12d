package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.behavior.RatePolicy;
import com.custompodautoscaler.core.behavior.ScalingRules;
import com.custompodautoscaler.core.behavior.SelectPolicy;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * The rate policies applied to the scale events of each policy's period: how high a scale up and
 * how low a scale down may go now, before the current count and the bounds are considered.
 */
final class RateLimits {

  private final int current;
  private final DecisionState state;
  private final Instant now;

  RateLimits(int current, DecisionState state, Instant now) {
    this.current = current;
    this.state = state;
    this.now = now;
  }

  /** The most replicas {@code rules} allow; Max picks the highest proposal, Min the lowest. */
  long scaleUpLimit(ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    LongStream proposals =
        rules.policies().stream().mapToLong(policy -> policy.highestFrom(periodStart(policy)));
    OptionalLong limit =
        rules.selectPolicy() == SelectPolicy.MAX ? proposals.max() : proposals.min();
    return limit.orElse(current);
  }

  /** The fewest replicas {@code rules} allow; Max picks the lowest proposal, Min the highest. */
  long scaleDownLimit(ScalingRules rules) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    LongStream proposals =
        rules.policies().stream().mapToLong(policy -> policy.lowestFrom(periodStart(policy)));
    OptionalLong limit =
        rules.selectPolicy() == SelectPolicy.MAX ? proposals.min() : proposals.max();
    return limit.orElse(current);
  }

  /** The replica count at the start of the policy's period, undoing the rescales made since. */
  private long periodStart(RatePolicy policy) {
    Instant cutoff = now.minus(policy.period());
    return current
        - state.scaleUpEvents().replicasChangedAfter(cutoff)
        + state.scaleDownEvents().replicasChangedAfter(cutoff);
  }
}
