package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.behavior.BehaviorProblem;
import com.custompodautoscaler.core.behavior.ScalingBehavior;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The Kubernetes HPA's normalization with an autoscaling/v2 {@code behavior}, already completed
 * with its defaults: leave a target at 0 replicas alone, bring a target outside the bounds back to
 * them, else stabilize the evaluation over both windows, then limit it by the rate policies and the
 * bounds.
 */
public record HpaWithBehavior(ScalingBehavior behavior) implements DecisionRules {

  public HpaWithBehavior {
    Objects.requireNonNull(behavior, "behavior");
    List<BehaviorProblem> problems = behavior.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid behavior: "
              + problems.stream().map(BehaviorProblem::describe).collect(Collectors.joining("; ")));
    }
  }

  @Override
  public ReplicaDecision decide(DecisionInput input) {
    DecisionState seeded = input.seededState();
    return TargetOutsideBounds.decide(input.currentReplicas(), input.bounds(), seeded)
        .orElseGet(() -> normalize(input, seeded));
  }

  /** Remembers the rescale in its direction, for the rate policies of later runs. */
  @Override
  public DecisionState afterRescale(
      DecisionState state, int fromReplicas, int toReplicas, Instant at) {
    return state.withRescale(fromReplicas, toReplicas, behavior, at);
  }

  private ReplicaDecision normalize(DecisionInput input, DecisionState state) {
    int current = input.currentReplicas();
    int desired = input.evaluatedReplicas();
    Instant now = input.now();
    RecommendationHistory history = state.recommendations();
    StabilizationWindows windows = new StabilizationWindows(behavior, now);
    int stabilized = windows.stabilize(current, desired, history);
    DecisionState kept =
        state.withRecommendations(windows.remember(history, new Recommendation(now, desired)));
    RateLimits rates = new RateLimits(current, state, now);
    if (stabilized > current) {
      return limitScaleUp(stabilized, input, rates, kept);
    }
    if (stabilized < current) {
      return limitScaleDown(stabilized, input, rates, kept);
    }
    return new ReplicaDecision(stabilized, stabilizedReason(stabilized, current, desired), kept);
  }

  private ReplicaDecision limitScaleUp(
      int stabilized, DecisionInput input, RateLimits rates, DecisionState kept) {
    int current = input.currentReplicas();
    long rateLimit = Math.max(rates.scaleUpLimit(behavior.scaleUp()), current);
    int max = input.bounds().max();
    if (rateLimit < max && stabilized > rateLimit) {
      return new ReplicaDecision((int) rateLimit, DecisionReason.SCALE_UP_LIMITED, kept);
    }
    if (stabilized > max) {
      return new ReplicaDecision(max, DecisionReason.LOWERED_TO_MAX, kept);
    }
    DecisionReason reason = stabilizedReason(stabilized, current, input.evaluatedReplicas());
    return new ReplicaDecision(stabilized, reason, kept);
  }

  private ReplicaDecision limitScaleDown(
      int stabilized, DecisionInput input, RateLimits rates, DecisionState kept) {
    int current = input.currentReplicas();
    long rateLimit = Math.min(rates.scaleDownLimit(behavior.scaleDown()), current);
    int min = input.bounds().min();
    if (rateLimit > min && stabilized < rateLimit) {
      return new ReplicaDecision((int) rateLimit, DecisionReason.SCALE_DOWN_LIMITED, kept);
    }
    if (stabilized < min) {
      return new ReplicaDecision(min, DecisionReason.RAISED_TO_MIN, kept);
    }
    DecisionReason reason = stabilizedReason(stabilized, current, input.evaluatedReplicas());
    return new ReplicaDecision(stabilized, reason, kept);
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
