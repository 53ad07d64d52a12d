package com.custompodautoscaler.core.behavior;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The autoscaling/v2 HPA {@code behavior}: stabilization windows and rate policies for scaling up
 * and for scaling down. Start from {@link #defaults(Duration)} and replace what the user set.
 */
public record ScalingBehavior(ScalingRules scaleUp, ScalingRules scaleDown) {

  /** The scale-down window when neither the behavior nor the caller names one, as upstream. */
  public static final Duration DEFAULT_DOWNSCALE_WINDOW = Duration.ofMinutes(5);

  private static final String PATH = "behavior";

  public ScalingBehavior {
    Objects.requireNonNull(scaleUp, "scaleUp");
    Objects.requireNonNull(scaleDown, "scaleDown");
  }

  /** Upstream's defaults, the scale-down window being {@code downscaleWindow}. */
  public static ScalingBehavior defaults(Duration downscaleWindow) {
    return new ScalingBehavior(
        ScalingRules.scaleUpDefaults(), ScalingRules.scaleDownDefaults(downscaleWindow));
  }

  /** Upstream's defaults with the 300 s scale-down window. */
  public static ScalingBehavior defaults() {
    return defaults(DEFAULT_DOWNSCALE_WINDOW);
  }

  /** This behavior with other scale-up rules. */
  public ScalingBehavior withScaleUp(ScalingRules rules) {
    return new ScalingBehavior(rules, scaleDown);
  }

  /** This behavior with other scale-down rules. */
  public ScalingBehavior withScaleDown(ScalingRules rules) {
    return new ScalingBehavior(scaleUp, rules);
  }

  /** Everything outside the ranges the Kubernetes API accepts, each named by its field path. */
  public List<BehaviorProblem> problems() {
    List<BehaviorProblem> problems = new ArrayList<>(scaleUp.problems(PATH + ".scaleUp"));
    problems.addAll(scaleDown.problems(PATH + ".scaleDown"));
    return List.copyOf(problems);
  }
}
