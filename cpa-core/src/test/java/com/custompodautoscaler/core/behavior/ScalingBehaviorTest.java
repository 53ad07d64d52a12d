package com.custompodautoscaler.core.behavior;

import static com.custompodautoscaler.core.behavior.BehaviorCases.percent;
import static com.custompodautoscaler.core.behavior.BehaviorCases.pods;
import static com.custompodautoscaler.core.behavior.BehaviorCases.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScalingBehaviorTest {

  record Case(String name, ScalingBehavior behavior, List<String> problems) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    ScalingBehavior defaults = ScalingBehavior.defaults();
    return Stream.of(
        new Case("the defaults are valid", defaults, List.of()),
        new Case(
            "the largest window and period are valid",
            defaults.withScaleDown(rules(3600, SelectPolicy.MIN, percent(1, 1800))),
            List.of()),
        new Case(
            "a negative window",
            defaults.withScaleUp(rules(-1, SelectPolicy.MAX, pods(4, 15))),
            List.of("behavior.scaleUp.stabilizationWindowSeconds: must not be negative, got -1")),
        new Case(
            "a window above an hour",
            defaults.withScaleDown(rules(3601, SelectPolicy.MAX, percent(100, 15))),
            List.of(
                "behavior.scaleDown.stabilizationWindowSeconds: must be at most 3600, got 3601")),
        new Case(
            "a period of 0",
            defaults.withScaleUp(rules(0, SelectPolicy.MAX, pods(4, 15), percent(100, 0))),
            List.of("behavior.scaleUp.policies[1].periodSeconds: must be greater than 0, got 0")),
        new Case(
            "a negative period",
            defaults.withScaleUp(rules(0, SelectPolicy.MAX, pods(4, -15))),
            List.of("behavior.scaleUp.policies[0].periodSeconds: must be greater than 0, got -15")),
        new Case(
            "a period above 30 minutes",
            defaults.withScaleDown(rules(0, SelectPolicy.MAX, pods(1, 1801))),
            List.of(
                "behavior.scaleDown.policies[0].periodSeconds: must be at most 1800, got 1801")),
        new Case(
            "a value of 0",
            defaults.withScaleDown(rules(0, SelectPolicy.MAX, percent(0, 60))),
            List.of("behavior.scaleDown.policies[0].value: must be greater than 0, got 0")),
        new Case(
            "no policies",
            defaults.withScaleDown(rules(0, SelectPolicy.DISABLED)),
            List.of("behavior.scaleDown.policies: must list at least one policy")),
        new Case(
            "every problem is reported, scale up first",
            defaults
                .withScaleDown(rules(-5, SelectPolicy.MAX, pods(-2, 0)))
                .withScaleUp(rules(4000, SelectPolicy.MAX)),
            List.of(
                "behavior.scaleUp.stabilizationWindowSeconds: must be at most 3600, got 4000",
                "behavior.scaleUp.policies: must list at least one policy",
                "behavior.scaleDown.stabilizationWindowSeconds: must not be negative, got -5",
                "behavior.scaleDown.policies[0].value: must be greater than 0, got -2",
                "behavior.scaleDown.policies[0].periodSeconds: must be greater than 0, got 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsProblemsByFieldPath(Case c) {
    assertThat(c.behavior().problems())
        .extracting(BehaviorProblem::describe)
        .containsExactlyElementsOf(c.problems());
  }

  @Test
  void defaultsAreUpstreams() {
    ScalingBehavior behavior = ScalingBehavior.defaults();

    assertThat(behavior.scaleUp())
        .isEqualTo(rules(0, SelectPolicy.MAX, pods(4, 15), percent(100, 15)));
    assertThat(behavior.scaleDown()).isEqualTo(rules(300, SelectPolicy.MAX, percent(100, 15)));
  }

  @Test
  void theScaleDownWindowDefaultsToTheCallersWindow() {
    ScalingBehavior behavior = ScalingBehavior.defaults(Duration.ofSeconds(90));

    assertThat(behavior.scaleDown().stabilizationWindow()).isEqualTo(Duration.ofSeconds(90));
    assertThat(behavior.scaleUp().stabilizationWindow()).isZero();
  }

  @Test
  void theLongestPeriodIsHowLongEventsMatter() {
    assertThat(rules(0, SelectPolicy.MAX, pods(1, 30), percent(1, 90)).longestPeriod())
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void namesAreSpelledAsKubernetesSpellsThem() {
    assertThat(SelectPolicy.wireNames()).containsExactly("Max", "Min", "Disabled");
    assertThat(SelectPolicy.fromWireName("Disabled")).contains(SelectPolicy.DISABLED);
    assertThat(SelectPolicy.fromWireName("max")).isEmpty();
    assertThat(RatePolicyType.wireNames()).containsExactly("Pods", "Percent");
    assertThat(RatePolicyType.fromWireName("Percent")).contains(RatePolicyType.PERCENT);
  }
}
