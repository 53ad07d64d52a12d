package com.custompodautoscaler.core.behavior;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One direction of a {@code behavior}: how long recommendations are remembered, which rate policy
 * applies, and the rate policies. Ranges are checked by {@link ScalingBehavior#problems()}.
 */
public record ScalingRules(
    Duration stabilizationWindow, SelectPolicy selectPolicy, List<RatePolicy> policies) {

  /** The longest stabilization window the Kubernetes API accepts. */
  public static final Duration MAX_STABILIZATION_WINDOW = Duration.ofHours(1);

  private static final Duration DEFAULT_PERIOD = Duration.ofSeconds(15);

  public ScalingRules {
    Objects.requireNonNull(stabilizationWindow, "stabilizationWindow");
    Objects.requireNonNull(selectPolicy, "selectPolicy");
    policies = List.copyOf(policies);
  }

  /** Upstream's scale-up defaults: no window, Max of 4 pods and 100 percent per 15 s. */
  public static ScalingRules scaleUpDefaults() {
    return new ScalingRules(
        Duration.ZERO,
        SelectPolicy.MAX,
        List.of(RatePolicy.pods(4, DEFAULT_PERIOD), RatePolicy.percent(100, DEFAULT_PERIOD)));
  }

  /** Upstream's scale-down defaults with {@code window}: Max of 100 percent per 15 s. */
  public static ScalingRules scaleDownDefaults(Duration window) {
    return new ScalingRules(
        window, SelectPolicy.MAX, List.of(RatePolicy.percent(100, DEFAULT_PERIOD)));
  }

  /** These rules with another stabilization window. */
  public ScalingRules withStabilizationWindow(Duration window) {
    return new ScalingRules(window, selectPolicy, policies);
  }

  /** These rules with another select policy. */
  public ScalingRules withSelectPolicy(SelectPolicy select) {
    return new ScalingRules(stabilizationWindow, select, policies);
  }

  /** These rules with other rate policies. */
  public ScalingRules withPolicies(List<RatePolicy> replacement) {
    return new ScalingRules(stabilizationWindow, selectPolicy, replacement);
  }

  /** The longest period of the policies, how long a scale event can still matter. */
  public Duration longestPeriod() {
    return policies.stream().map(RatePolicy::period).max(Duration::compareTo).orElse(Duration.ZERO);
  }

  List<BehaviorProblem> problems(String path) {
    List<BehaviorProblem> problems = new ArrayList<>();
    String windowField = path + ".stabilizationWindowSeconds";
    long windowSeconds = stabilizationWindow.toSeconds();
    if (stabilizationWindow.isNegative()) {
      problems.add(new BehaviorProblem(windowField, "must not be negative, got " + windowSeconds));
    } else if (stabilizationWindow.compareTo(MAX_STABILIZATION_WINDOW) > 0) {
      problems.add(
          new BehaviorProblem(
              windowField,
              "must be at most "
                  + MAX_STABILIZATION_WINDOW.toSeconds()
                  + ", got "
                  + windowSeconds));
    }
    if (policies.isEmpty()) {
      problems.add(new BehaviorProblem(path + ".policies", "must list at least one policy"));
    }
    for (int i = 0; i < policies.size(); i++) {
      problems.addAll(policies.get(i).problems(path + ".policies[" + i + "]"));
    }
    return problems;
  }
}
