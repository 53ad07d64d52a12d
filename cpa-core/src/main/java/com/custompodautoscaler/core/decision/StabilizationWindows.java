package com.custompodautoscaler.core.decision;

import com.custompodautoscaler.core.behavior.ScalingBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Both stabilization windows at once: a scale up goes no higher than the lowest recommendation in
 * the scale-up window, a scale down no lower than the highest in the scale-down window.
 */
final class StabilizationWindows {

  private final Instant scaleUpCutoff;
  private final Instant scaleDownCutoff;

  StabilizationWindows(ScalingBehavior behavior, Instant now) {
    this.scaleUpCutoff = now.minus(behavior.scaleUp().stabilizationWindow());
    this.scaleDownCutoff = now.minus(behavior.scaleDown().stabilizationWindow());
  }

  /** Checks a downscale stabilization window of the rules without a behavior. */
  static void requireNonNegative(Duration downscaleStabilization) {
    Objects.requireNonNull(downscaleStabilization, "downscaleStabilization");
    if (downscaleStabilization.isNegative()) {
      throw new IllegalArgumentException(
          "downscale stabilization must not be negative, got " + downscaleStabilization);
    }
  }

  /** The count between {@code current} and {@code desired} that the windows allow. */
  int stabilize(int current, int desired, RecommendationHistory history) {
    int scaleUpTo = Math.min(desired, history.madeAfter(scaleUpCutoff).minReplicasOr(desired));
    int scaleDownTo = Math.max(desired, history.madeAfter(scaleDownCutoff).maxReplicas());
    return Math.min(Math.max(current, scaleUpTo), scaleDownTo);
  }

  /** {@code history} without what both windows have passed, and with {@code latest} appended. */
  RecommendationHistory remember(RecommendationHistory history, Recommendation latest) {
    Instant olderCutoff = scaleUpCutoff.isBefore(scaleDownCutoff) ? scaleUpCutoff : scaleDownCutoff;
    return history.withoutEntriesBefore(olderCutoff).with(latest);
  }
}
