package com.custompodautoscaler.core.behavior;

import static com.custompodautoscaler.core.behavior.BehaviorCases.NOW;
import static com.custompodautoscaler.core.behavior.BehaviorCases.events;
import static com.custompodautoscaler.core.behavior.BehaviorCases.percent;
import static com.custompodautoscaler.core.behavior.BehaviorCases.pods;
import static com.custompodautoscaler.core.behavior.BehaviorCases.rules;
import static com.custompodautoscaler.core.behavior.BehaviorCases.secondsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.decision.DecisionState;
import com.custompodautoscaler.core.decision.RecommendationHistory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Storing a rescale of 5 replicas after a successful patch, in either direction. */
class ScaleEventsTest {

  record Case(
      String name,
      ScalingRules rules,
      ScaleEvents before,
      long changedInLastMinute,
      ScaleEvents after) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    ScalingRules minute = rules(0, SelectPolicy.MAX, pods(10, 60), percent(100, 60));
    return Stream.of(
        new Case("the first event is appended", minute, events(), 0, events(0, 5)),
        new Case(
            "an event older than the longest period gives up its slot",
            minute,
            events(61, 7),
            0,
            events(0, 5)),
        new Case(
            "an event inside the longest period is kept",
            minute,
            events(58, 7),
            7,
            events(58, 7, 0, 5)),
        new Case(
            "an event exactly one period old is kept",
            minute,
            events(60, 7),
            0,
            events(60, 7, 0, 5)),
        new Case(
            "only the outdated one of two events is replaced",
            rules(0, SelectPolicy.MAX, pods(10, 60)),
            events(61, 7, 59, 6),
            6,
            events(0, 5, 59, 6)),
        // Longest period 60 s: 7 and 9 are outdated, the later slot (9) is reused.
        new Case(
            "the last outdated slot is reused, by the longest period",
            rules(0, SelectPolicy.MAX, pods(10, 60), percent(100, 30)),
            events(29, 8, 59, 6, 61, 7, 61, 9),
            14,
            events(29, 8, 59, 6, 61, 7, 0, 5)),
        // Longest period 120 s: nothing is outdated.
        new Case(
            "events inside the longest period are all kept",
            rules(0, SelectPolicy.MAX, pods(10, 120), percent(100, 30)),
            events(58, 7, 59, 6),
            13,
            events(58, 7, 59, 6, 0, 5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storesAScaleUp(Case c) {
    ScalingBehavior behavior = ScalingBehavior.defaults().withScaleUp(c.rules());
    DecisionState before = stateWith(c.before(), ScaleEvents.empty());

    DecisionState after = before.withRescale(10, 15, behavior, NOW);

    assertThat(c.before().replicasChangedAfter(secondsAgo(60))).isEqualTo(c.changedInLastMinute());
    assertThat(after.scaleUpEvents()).isEqualTo(c.after());
    assertThat(after.scaleDownEvents()).isEqualTo(ScaleEvents.empty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void storesAScaleDown(Case c) {
    ScalingBehavior behavior = ScalingBehavior.defaults().withScaleDown(c.rules());
    DecisionState before = stateWith(ScaleEvents.empty(), c.before());

    DecisionState after = before.withRescale(10, 5, behavior, NOW);

    assertThat(after.scaleDownEvents()).isEqualTo(c.after());
    assertThat(after.scaleUpEvents()).isEqualTo(ScaleEvents.empty());
  }

  @Test
  void anUnchangedCountIsNoRescale() {
    DecisionState before = stateWith(events(10, 2), events(20, 3));

    assertThat(before.withRescale(4, 4, ScalingBehavior.defaults(), NOW)).isEqualTo(before);
  }

  private static DecisionState stateWith(ScaleEvents up, ScaleEvents down) {
    return new DecisionState(RecommendationHistory.empty(), up, down);
  }
}
