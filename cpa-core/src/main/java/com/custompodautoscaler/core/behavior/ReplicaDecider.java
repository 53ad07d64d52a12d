package com.custompodautoscaler.core.behavior;

import com.custompodautoscaler.core.decision.HpaWithoutBehaviorPolicy;
import com.custompodautoscaler.core.decision.ScalingDecision;
import com.custompodautoscaler.core.decision.ScalingInput;
import com.custompodautoscaler.core.decision.ScalingPolicy;
import com.custompodautoscaler.core.decision.WindowPolicy;
import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a run's replica count by a configuration's rules: its {@code behavior} when it has one,
 * else CPA v2's bounds and downscale stabilization, or the HPA's rules for an HPA without a {@code
 * behavior}. Holds no state: the state of the last decision goes in, and the decision carries the
 * state to keep, so runs, restarts and {@code simulate} all decide alike.
 */
public final class ReplicaDecider {

  private final ReplicaBounds bounds;
  private final ScalingBehavior behavior;
  private final WindowPolicy windowPolicy;
  private final Duration downscaleStabilization;
  private final BehaviorPolicy behaviorPolicy = new BehaviorPolicy();

  private ReplicaDecider(
      ReplicaBounds bounds,
      ScalingBehavior behavior,
      WindowPolicy windowPolicy,
      Duration downscaleStabilization) {
    this.bounds = Objects.requireNonNull(bounds, "bounds");
    this.behavior = behavior;
    this.windowPolicy = windowPolicy;
    this.downscaleStabilization = Objects.requireNonNull(downscaleStabilization, "window");
  }

  /** Decides with an autoscaling/v2 {@code behavior}, already completed with its defaults. */
  public static ReplicaDecider withBehavior(ReplicaBounds bounds, ScalingBehavior behavior) {
    return new ReplicaDecider(
        bounds, Objects.requireNonNull(behavior, "behavior"), null, Duration.ZERO);
  }

  /** Decides as CPA v2 does: bounds, then the highest recommendation inside {@code window}. */
  public static ReplicaDecider withDownscaleStabilization(ReplicaBounds bounds, Duration window) {
    return new ReplicaDecider(bounds, null, new ScalingPolicy(), window);
  }

  /**
   * Decides as the HPA controller does for an HPA without a {@code behavior}: the highest
   * recommendation inside {@code window} (its downscale stabilization), the bounds, and a scale-up
   * limit of twice the current replicas or 4.
   */
  public static ReplicaDecider withHpaScaleUpLimit(ReplicaBounds bounds, Duration window) {
    return new ReplicaDecider(bounds, null, new HpaWithoutBehaviorPolicy(), window);
  }

  /** The replica bounds every decision keeps to. */
  public ReplicaBounds bounds() {
    return bounds;
  }

  /** The behavior this decider applies, if it applies one. */
  public Optional<ScalingBehavior> behavior() {
    return Optional.ofNullable(behavior);
  }

  /** Decides the replica count for a target at {@code current} that the logic evaluated. */
  public BehaviorDecision decide(int current, int evaluated, BehaviorState state, Instant now) {
    if (behavior != null) {
      return behaviorPolicy.decide(
          new BehaviorInput(current, evaluated, bounds, behavior, state, now));
    }
    ScalingDecision decision =
        windowPolicy.decide(
            new ScalingInput(
                current, evaluated, bounds, downscaleStabilization, now, state.recommendations()));
    return new BehaviorDecision(
        decision.targetReplicas(),
        decision.reason(),
        state.withRecommendations(decision.history()));
  }

  /**
   * The state after the target was rescaled from {@code from} to {@code to} at {@code at}; only a
   * {@code behavior}'s rate policies remember rescales.
   */
  public BehaviorState afterRescale(BehaviorState state, int from, int to, Instant at) {
    return behavior == null ? state : state.withRescale(from, to, behavior, at);
  }
}
