package com.custompodautoscaler.pipeline.config;

import static com.custompodautoscaler.pipeline.config.BehaviorKeys.PERIOD;
import static com.custompodautoscaler.pipeline.config.BehaviorKeys.POLICIES;
import static com.custompodautoscaler.pipeline.config.BehaviorKeys.POLICY_TYPE;
import static com.custompodautoscaler.pipeline.config.BehaviorKeys.POLICY_VALUE;
import static com.custompodautoscaler.pipeline.config.BehaviorKeys.SCALE_DOWN;
import static com.custompodautoscaler.pipeline.config.BehaviorKeys.SCALE_UP;
import static com.custompodautoscaler.pipeline.config.BehaviorKeys.SELECT_POLICY;
import static com.custompodautoscaler.pipeline.config.BehaviorKeys.STABILIZATION_WINDOW;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.BEHAVIOR;
import static com.custompodautoscaler.pipeline.config.TopLevelKeys.DOWNSCALE_STABILIZATION;

import com.custompodautoscaler.core.behavior.BehaviorProblem;
import com.custompodautoscaler.core.behavior.RatePolicy;
import com.custompodautoscaler.core.behavior.RatePolicyType;
import com.custompodautoscaler.core.behavior.ScalingBehavior;
import com.custompodautoscaler.core.behavior.ScalingRules;
import com.custompodautoscaler.core.behavior.SelectPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code behavior} as the Kubernetes API defaults it: a direction, window, select policy or
 * policy list left out takes upstream's default, and every value out of the API's ranges is an
 * error named by its path, such as {@code behavior.scaleUp.policies[1].periodSeconds}.
 */
final class BehaviorBinder {

  private BehaviorBinder() {}

  /** The behavior with its defaults filled in, or empty when none is set or it is invalid. */
  static Optional<ScalingBehavior> bind(BlockReader top) {
    if (!top.has(BEHAVIOR)) {
      return Optional.empty();
    }
    if (top.has(DOWNSCALE_STABILIZATION)) {
      top.problems()
          .error(
              BEHAVIOR.name(),
              "set either behavior or downscaleStabilization, not both; write the window as"
                  + " behavior.scaleDown.stabilizationWindowSeconds");
    }
    return top.find(BEHAVIOR).map(BehaviorBinder::behavior);
  }

  private static ScalingBehavior behavior(BlockReader block) {
    ScalingBehavior behavior =
        new ScalingBehavior(
            rules(block, SCALE_UP, ScalingRules.scaleUpDefaults()),
            rules(
                block,
                SCALE_DOWN,
                ScalingRules.scaleDownDefaults(ScalingBehavior.DEFAULT_DOWNSCALE_WINDOW)));
    for (BehaviorProblem problem : behavior.problems()) {
      block.problems().error(problem.field(), problem.message());
    }
    return behavior;
  }

  private static ScalingRules rules(
      BlockReader block, Key<BlockReader> key, ScalingRules defaults) {
    return block
        .find(key)
        .map(
            rules -> {
              ScalingRules bound = defaults;
              Optional<Long> window = rules.find(STABILIZATION_WINDOW);
              if (window.isPresent()) {
                bound = bound.withStabilizationWindow(Duration.ofSeconds(window.get()));
              }
              Optional<SelectPolicy> select = selectPolicy(rules);
              if (select.isPresent()) {
                bound = bound.withSelectPolicy(select.get());
              }
              Optional<List<RatePolicy>> policies = policies(rules);
              return policies.isPresent() ? bound.withPolicies(policies.get()) : bound;
            })
        .orElse(defaults);
  }

  private static Optional<SelectPolicy> selectPolicy(BlockReader rules) {
    return named(
        rules,
        SELECT_POLICY,
        "select policy",
        SelectPolicy::fromWireName,
        String.join(", ", SelectPolicy.wireNames()));
  }

  /**
   * The value {@code key} names through {@code parse}; an unknown name is reported with the names
   * {@code expected}.
   */
  private static <T> Optional<T> named(
      BlockReader block,
      Key<String> key,
      String what,
      Function<String, Optional<T>> parse,
      String expected) {
    return block
        .find(key)
        .flatMap(
            written -> {
              Optional<T> value = parse.apply(written);
              if (value.isEmpty()) {
                block
                    .problems()
                    .error(
                        block.path(key),
                        "unknown " + what + " \"" + written + "\"; expected " + expected);
              }
              return value;
            });
  }

  private static Optional<List<RatePolicy>> policies(BlockReader rules) {
    return rules
        .find(POLICIES)
        .flatMap(
            readers -> {
              List<RatePolicy> policies = new ArrayList<>();
              readers.forEach(reader -> policy(reader).ifPresent(policies::add));
              return policies.size() == readers.size() ? Optional.of(policies) : Optional.empty();
            });
  }

  private static Optional<RatePolicy> policy(BlockReader policy) {
    Optional<RatePolicyType> type = policyType(policy);
    Optional<Integer> value = required(policy, POLICY_VALUE);
    Optional<Integer> period = required(policy, PERIOD);
    if (type.isEmpty() || value.isEmpty() || period.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RatePolicy(type.get(), value.get(), Duration.ofSeconds(period.get())));
  }

  private static Optional<RatePolicyType> policyType(BlockReader policy) {
    if (!policy.has(POLICY_TYPE)) {
      policy.problems().error(policy.path(POLICY_TYPE), "missing; expected Pods or Percent");
      return Optional.empty();
    }
    return named(
        policy,
        POLICY_TYPE,
        "policy type",
        RatePolicyType::fromWireName,
        String.join(" or ", RatePolicyType.wireNames()));
  }

  private static Optional<Integer> required(BlockReader policy, Key<Integer> key) {
    if (!policy.has(key)) {
      policy.problems().error(policy.path(key), "missing; every policy needs it");
      return Optional.empty();
    }
    return policy.find(key);
  }
}
