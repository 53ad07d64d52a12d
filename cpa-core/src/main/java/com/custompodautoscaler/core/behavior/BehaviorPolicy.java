package com.custompodautoscaler.core.behavior;

import com.custompodautoscaler.core.decision.DecisionReason;
import com.custompodautoscaler.core.decision.Recommendation;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Instant;

/**
 * The Kubernetes HPA's normalization with a {@code behavior}, as a pure function: leave a target at
 * 0 replicas alone, bring a target outside the bounds back to them, else stabilize the evaluation
 * over both windows, then limit it by the rate policies and the bounds.
 */
public final class BehaviorPolicy {

  /** Decides the replica count for one run. */
  public BehaviorDecision decide(BehaviorInput input) {
    int current = input.currentReplicas();
    ReplicaBounds bounds = input.bounds();
    BehaviorState state = input.state();
    if (state.recommendations().isEmpty()) {
      // Upstream counts the count it first finds as a recommendation, before anything else, which
      // holds off scaling down for one window.
      state =
          state.withRecommendations(
              state.recommendations().with(new Recommendation(input.now(), current)));
    }
    if (current == 0 && !bounds.allowsZero()) {
      return new BehaviorDecision(0, DecisionReason.AUTOSCALING_DISABLED, state);
    }
    if (current > bounds.max()) {
      return new BehaviorDecision(bounds.max(), DecisionReason.CURRENT_ABOVE_MAX, state);
    }
    if (current < bounds.min()) {
      return new BehaviorDecision(bounds.min(), DecisionReason.CURRENT_BELOW_MIN, state);
    }
    return normalize(input, state);
  }

  private static BehaviorDecision normalize(BehaviorInput input, BehaviorState state) {
    int current = input.currentReplicas();
    int desired = input.evaluatedReplicas();
    Instant now = input.now();
    RecommendationHistory history = state.recommendations();
    StabilizationWindows windows = new StabilizationWindows(input.behavior(), now);
    int stabilized = windows.stabilize(current, desired, history);
    BehaviorState kept =
        state.withRecommendations(windows.remember(history, new Recommendation(now, desired)));
    RateLimits rates = new RateLimits(current, state, now);
    if (stabilized > current) {
      return limitScaleUp(stabilized, input, rates, kept);
    }
    if (stabilized < current) {
      return limitScaleDown(stabilized, input, rates, kept);
    }
    return new BehaviorDecision(stabilized, stabilizedReason(stabilized, current, desired), kept);
  }

  private static BehaviorDecision limitScaleUp(
      int stabilized, BehaviorInput input, RateLimits rates, BehaviorState kept) {
    int current = input.currentReplicas();
    long rateLimit = Math.max(rates.scaleUpLimit(input.behavior().scaleUp()), current);
    int max = input.bounds().max();
    if (rateLimit < max && stabilized > rateLimit) {
      return new BehaviorDecision((int) rateLimit, DecisionReason.SCALE_UP_LIMITED, kept);
    }
    if (stabilized > max) {
      return new BehaviorDecision(max, DecisionReason.LOWERED_TO_MAX, kept);
    }
    DecisionReason reason = stabilizedReason(stabilized, current, input.evaluatedReplicas());
    return new BehaviorDecision(stabilized, reason, kept);
  }

  private static BehaviorDecision limitScaleDown(
      int stabilized, BehaviorInput input, RateLimits rates, BehaviorState kept) {
    int current = input.currentReplicas();
    long rateLimit = Math.min(rates.scaleDownLimit(input.behavior().scaleDown()), current);
    int min = input.bounds().min();
    if (rateLimit > min && stabilized < rateLimit) {
      return new BehaviorDecision((int) rateLimit, DecisionReason.SCALE_DOWN_LIMITED, kept);
    }
    if (stabilized < min) {
      return new BehaviorDecision(min, DecisionReason.RAISED_TO_MIN, kept);
    }
    DecisionReason reason = stabilizedReason(stabilized, current, input.evaluatedReplicas());
    return new BehaviorDecision(stabilized, reason, kept);
  }

  private static DecisionReason stabilizedReason(int stabilized, int current, int desired) {
    if (stabilized == desired) {
      return DecisionReason.AS_EVALUATED;
    }
    return desired >= current
        ? DecisionReason.SCALE_UP_STABILIZED
        : DecisionReason.DOWNSCALE_STABILIZED;
  }
}
