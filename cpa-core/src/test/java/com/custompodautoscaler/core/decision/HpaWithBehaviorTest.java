package com.custompodautoscaler.core.decision;

import static com.custompodautoscaler.core.behavior.BehaviorCases.NOW;
import static com.custompodautoscaler.core.behavior.BehaviorCases.events;
import static com.custompodautoscaler.core.behavior.BehaviorCases.noDownscaleWindow;
import static com.custompodautoscaler.core.behavior.BehaviorCases.percent;
import static com.custompodautoscaler.core.behavior.BehaviorCases.pods;
import static com.custompodautoscaler.core.behavior.BehaviorCases.recommendations;
import static com.custompodautoscaler.core.behavior.BehaviorCases.rules;
import static com.custompodautoscaler.core.decision.DecisionReason.AS_EVALUATED;
import static com.custompodautoscaler.core.decision.DecisionReason.AUTOSCALING_DISABLED;
import static com.custompodautoscaler.core.decision.DecisionReason.CURRENT_ABOVE_MAX;
import static com.custompodautoscaler.core.decision.DecisionReason.CURRENT_BELOW_MIN;
import static com.custompodautoscaler.core.decision.DecisionReason.DOWNSCALE_STABILIZED;
import static com.custompodautoscaler.core.decision.DecisionReason.LOWERED_TO_MAX;
import static com.custompodautoscaler.core.decision.DecisionReason.RAISED_TO_MIN;
import static com.custompodautoscaler.core.decision.DecisionReason.SCALE_DOWN_LIMITED;
import static com.custompodautoscaler.core.decision.DecisionReason.SCALE_UP_LIMITED;
import static com.custompodautoscaler.core.decision.DecisionReason.SCALE_UP_STABILIZED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.custompodautoscaler.core.behavior.BehaviorCases;
import com.custompodautoscaler.core.behavior.ScaleEvents;
import com.custompodautoscaler.core.behavior.ScalingBehavior;
import com.custompodautoscaler.core.behavior.ScalingRules;
import com.custompodautoscaler.core.behavior.SelectPolicy;
import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decisions with a behavior. Unless a case says otherwise: bounds 1..1000, upstream's default
 * behavior (scale up Max of 4 pods and 100 % per 15 s, no window; scale down 100 % per 15 s with a
 * 300 s window), no recommendations and no scale events.
 */
class HpaWithBehaviorTest {

  /** One named situation, built step by step from the defaults above. */
  static final class Case {
    private final String name;
    private ReplicaBounds bounds = new ReplicaBounds(1, 1000);
    private ScalingBehavior behavior = ScalingBehavior.defaults();
    private List<Recommendation> recommendations = List.of();
    private ScaleEvents upEvents = ScaleEvents.empty();
    private ScaleEvents downEvents = ScaleEvents.empty();
    private int current;
    private int evaluated;
    private int expected;
    private DecisionReason reason;

    private Case(String name) {
      this.name = name;
    }

    static Case of(String name) {
      return new Case(name);
    }

    Case bounds(int min, int max) {
      bounds = new ReplicaBounds(min, max);
      return this;
    }

    Case behavior(ScalingBehavior changed) {
      behavior = changed;
      return this;
    }

    Case scaleUp(ScalingRules rules) {
      return behavior(behavior.withScaleUp(rules));
    }

    Case scaleDown(ScalingRules rules) {
      return behavior(behavior.withScaleDown(rules));
    }

    Case recommended(List<Recommendation> history) {
      recommendations = history;
      return this;
    }

    Case scaledUp(ScaleEvents events) {
      upEvents = events;
      return this;
    }

    Case scaledDown(ScaleEvents events) {
      downEvents = events;
      return this;
    }

    Case from(int currentReplicas, int evaluatedReplicas) {
      current = currentReplicas;
      evaluated = evaluatedReplicas;
      return this;
    }

    Case expect(int replicas, DecisionReason why) {
      expected = replicas;
      reason = why;
      return this;
    }

    HpaWithBehavior rules() {
      return new HpaWithBehavior(behavior);
    }

    DecisionInput input() {
      DecisionState state =
          new DecisionState(new RecommendationHistory(recommendations), upEvents, downEvents);
      return new DecisionInput(current, evaluated, bounds, state, NOW);
    }

    ReplicaDecision decide() {
      return rules().decide(input());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
            defaultPolicyCases(),
            scaleUpPolicyCases(),
            scaleDownPolicyCases(),
            boundCases(),
            windowCases(),
            eventCases())
        .flatMap(cases -> cases);
  }

  private static Stream<Case> defaultPolicyCases() {
    return Stream.of(
        // 4 pods: 3 + 4 = 7; 100 %: ceil(3 * 2) = 6; Max picks 7.
        Case.of("defaults add 4 pods when 100 percent is fewer")
            .bounds(1, 100)
            .from(3, 20)
            .expect(7, SCALE_UP_LIMITED),
        // 4 pods: 10 + 4 = 14; 100 %: ceil(10 * 2) = 20; Max picks 20.
        Case.of("defaults double the replicas when 4 pods is fewer")
            .bounds(1, 100)
            .from(10, 50)
            .expect(20, SCALE_UP_LIMITED),
        Case.of("defaults let a scale up within the limit through")
            .bounds(1, 100)
            .from(10, 13)
            .expect(13, AS_EVALUATED),
        // From zero: 4 pods: 0 + 4 = 4; 100 %: 0; Max picks 4.
        Case.of("defaults scale from zero by 4 pods")
            .bounds(0, 20)
            .from(0, 10)
            .expect(4, SCALE_UP_LIMITED),
        // Scale down is 100 % per 15 s: 5 * 0 = 0, so only the evaluation counts.
        Case.of("defaults without a scale-down window scale down at once")
            .behavior(noDownscaleWindow())
            .from(5, 2)
            .expect(2, AS_EVALUATED),
        Case.of("an unchanged evaluation keeps the count").from(5, 5).expect(5, AS_EVALUATED));
  }

  private static Stream<Case> scaleUpPolicyCases() {
    return Stream.of(
        // Pods: 10 + 100 = 110; Percent: ceil(10 * 2) = 20; Max picks 110.
        Case.of("Max picks the pods policy when it allows more")
            .scaleUp(rules(0, SelectPolicy.MAX, pods(100, 60), percent(100, 60)))
            .from(10, 500)
            .expect(110, SCALE_UP_LIMITED),
        // Pods: 10 + 4 = 14; Percent: 20; Min picks 14.
        Case.of("Min picks the policy that allows the smaller scale up")
            .scaleUp(rules(0, SelectPolicy.MIN, pods(4, 60), percent(100, 60)))
            .from(10, 50)
            .expect(14, SCALE_UP_LIMITED),
        // ceil(10 * 300 / 100) = 30.
        Case.of("a percent policy limits a scale up")
            .scaleUp(rules(0, SelectPolicy.MAX, percent(200, 60)))
            .from(10, 50)
            .expect(30, SCALE_UP_LIMITED),
        // ceil(15 * 110 / 100) = ceil(16.5) = 17.
        Case.of("a percent scale up rounds up")
            .scaleUp(rules(0, SelectPolicy.MAX, percent(10, 60)))
            .from(15, 50)
            .expect(17, SCALE_UP_LIMITED),
        // 10 + 30 = 40.
        Case.of("a pods policy limits a scale up")
            .scaleUp(rules(0, SelectPolicy.MAX, pods(30, 60)))
            .from(10, 50)
            .expect(40, SCALE_UP_LIMITED),
        // The limit is the current count, 5.
        Case.of("Disabled scale up keeps the current count")
            .bounds(1, 10)
            .scaleUp(rules(0, SelectPolicy.DISABLED, pods(4, 15)))
            .from(5, 8)
            .expect(5, SCALE_UP_LIMITED),
        Case.of("Disabled scale up still allows a scale down")
            .behavior(noDownscaleWindow().withScaleUp(rules(0, SelectPolicy.DISABLED, pods(4, 15))))
            .from(5, 2)
            .expect(2, AS_EVALUATED));
  }

  private static Stream<Case> scaleDownPolicyCases() {
    return Stream.of(
        // 10 - 5 = 5.
        Case.of("a pods policy limits a scale down")
            .scaleDown(rules(0, SelectPolicy.MAX, pods(5, 60)))
            .from(10, 2)
            .expect(5, SCALE_DOWN_LIMITED),
        // 10 * 50 / 100 = 5.
        Case.of("a percent policy limits a scale down")
            .scaleDown(rules(0, SelectPolicy.MAX, percent(50, 60)))
            .from(10, 2)
            .expect(5, SCALE_DOWN_LIMITED),
        // 15 * 70 / 100 = 10.5, truncated to 10.
        Case.of("a percent scale down truncates")
            .scaleDown(rules(0, SelectPolicy.MAX, percent(30, 60)))
            .from(15, 1)
            .expect(10, SCALE_DOWN_LIMITED),
        // Pods: 100 - 20 = 80; Percent: 100 * 99 / 100 = 99; Max picks the lower, 80.
        Case.of("Max picks the policy that allows the bigger scale down")
            .scaleDown(rules(0, SelectPolicy.MAX, pods(20, 60), percent(1, 60)))
            .from(100, 2)
            .expect(80, SCALE_DOWN_LIMITED),
        // Same proposals; Min picks the higher, 99.
        Case.of("Min picks the policy that allows the smaller scale down")
            .scaleDown(rules(0, SelectPolicy.MIN, pods(20, 60), percent(1, 60)))
            .from(100, 2)
            .expect(99, SCALE_DOWN_LIMITED),
        Case.of("Disabled scale down keeps the current count")
            .bounds(1, 10)
            .scaleDown(rules(0, SelectPolicy.DISABLED, percent(100, 15)))
            .from(10, 2)
            .expect(10, SCALE_DOWN_LIMITED),
        // The seed (4) is in the 300 s window but below the evaluation; limit max(8, 8) = 8.
        Case.of("Disabled scale down still allows a scale up")
            .bounds(1, 10)
            .scaleDown(rules(300, SelectPolicy.DISABLED, percent(100, 15)))
            .from(4, 6)
            .expect(6, AS_EVALUATED),
        // 3 * 0 = 0, within minReplicas 0.
        Case.of("scale to zero when minReplicas is zero")
            .bounds(0, 10)
            .behavior(noDownscaleWindow())
            .from(3, 0)
            .expect(0, AS_EVALUATED));
  }

  private static Stream<Case> boundCases() {
    return Stream.of(
        Case.of("zero replicas with minReplicas above zero is disabled")
            .bounds(1, 10)
            .from(0, 5)
            .expect(0, AUTOSCALING_DISABLED),
        // Seed 0 is in the scale-down window but lower; 4 pods allows 4.
        Case.of("zero replicas with minReplicas zero scales from zero")
            .bounds(0, 10)
            .from(0, 3)
            .expect(3, AS_EVALUATED),
        Case.of("current above maxReplicas goes to the maximum")
            .bounds(1, 5)
            .from(8, 20)
            .expect(5, CURRENT_ABOVE_MAX),
        Case.of("current below minReplicas goes to the minimum")
            .bounds(3, 10)
            .from(1, 1)
            .expect(3, CURRENT_BELOW_MIN),
        // Rate limit max(8 + 4, 8 * 2) = 16 is not below maxReplicas 10.
        Case.of("maxReplicas below the rate limit caps a scale up")
            .bounds(1, 10)
            .from(8, 20)
            .expect(10, LOWERED_TO_MAX),
        // Rate limit 16 equals maxReplicas 16: the maximum is the reason.
        Case.of("a rate limit equal to maxReplicas reports the maximum")
            .bounds(1, 16)
            .from(8, 20)
            .expect(16, LOWERED_TO_MAX),
        // Rate limit 10 * 0 = 0 is not above minReplicas 5.
        Case.of("minReplicas above the rate limit stops a scale down")
            .bounds(5, 1000)
            .behavior(noDownscaleWindow())
            .from(10, 2)
            .expect(5, RAISED_TO_MIN));
  }

  private static Stream<Case> windowCases() {
    return Stream.of(
        // Seed (5, now) is inside the 300 s window: max(2, 5) = 5 holds the count.
        Case.of("the seed recommendation blocks a scale down on the first run")
            .bounds(1, 10)
            .from(5, 2)
            .expect(5, DOWNSCALE_STABILIZED),
        // 9 was recommended 400 s ago, before the 300 s window: no seed, nothing holds.
        Case.of("an existing history is not seeded")
            .bounds(1, 10)
            .recommended(recommendations(400, 9))
            .from(5, 2)
            .expect(2, AS_EVALUATED),
        // max(3, 4, 5) = 5; the rate (100 % per 15 s) allows 0.
        Case.of("the scale-down window keeps the highest recent recommendation")
            .scaleDown(rules(180, SelectPolicy.MAX, percent(100, 15)))
            .recommended(recommendations(120, 4, 60, 5))
            .from(100, 3)
            .expect(5, DOWNSCALE_STABILIZED),
        // Both entries are older than 60 s, so nothing holds the evaluation up.
        Case.of("recommendations older than the scale-down window do not hold")
            .scaleDown(rules(60, SelectPolicy.MAX, percent(100, 15)))
            .recommended(recommendations(120, 9, 90, 8))
            .from(10, 3)
            .expect(3, AS_EVALUATED),
        // min(7, 4, 5) = 4; the rate allows max(1 + 4, 1 * 2) = 5.
        Case.of("the scale-up window keeps the lowest recent recommendation")
            .behavior(
                noDownscaleWindow()
                    .withScaleUp(
                        ScalingRules.scaleUpDefaults()
                            .withStabilizationWindow(Duration.ofSeconds(300))))
            .recommended(recommendations(120, 4, 60, 5))
            .from(1, 7)
            .expect(4, SCALE_UP_STABILIZED),
        // Up bound min(1, 3) = 1, down bound max(1, 3) = 3: current 2 stays.
        Case.of("both windows hold the count when the evaluation drops")
            .bounds(1, 10)
            .scaleUp(
                ScalingRules.scaleUpDefaults().withStabilizationWindow(Duration.ofSeconds(300)))
            .recommended(recommendations(6000, 2, 180, 3))
            .from(2, 1)
            .expect(2, DOWNSCALE_STABILIZED),
        // Up bound min(3, 1) = 1, down bound max(3, 1) = 3: current 2 stays.
        Case.of("both windows hold the count when the evaluation rises")
            .bounds(1, 10)
            .scaleUp(
                ScalingRules.scaleUpDefaults().withStabilizationWindow(Duration.ofSeconds(300)))
            .recommended(recommendations(6000, 2, 180, 1))
            .from(2, 3)
            .expect(2, SCALE_UP_STABILIZED));
  }

  private static Stream<Case> eventCases() {
    return Stream.of(
        // All three in 120 s: start 100 - 15 = 85; 85 + 150 = 235.
        Case.of("scale-up events in the period reduce a pods allowance")
            .scaleUp(rules(0, SelectPolicy.MAX, pods(150, 120)))
            .scaledUp(events(100, 1, 60, 5, 20, 9))
            .from(100, 500)
            .expect(235, SCALE_UP_LIMITED),
        // Only the event 20 s ago is after the cutoff (60 s ago is not): 100 - 9 = 91; 91 + 150.
        Case.of("scale-up events at or before the period start do not count")
            .scaleUp(rules(0, SelectPolicy.MAX, pods(150, 60)))
            .scaledUp(events(100, 1, 60, 5, 20, 9))
            .from(100, 500)
            .expect(241, SCALE_UP_LIMITED),
        // Start 85; ceil(85 * 300 / 100) = 255.
        Case.of("scale-up events in the period reduce a percent allowance")
            .scaleUp(rules(0, SelectPolicy.MAX, percent(200, 120)))
            .scaledUp(events(100, 1, 60, 5, 20, 9))
            .from(100, 500)
            .expect(255, SCALE_UP_LIMITED),
        // Start 85; 85 + 5 = 90 is below current 100, which becomes the limit.
        Case.of("recent scale ups block a further scale up")
            .scaleUp(rules(0, SelectPolicy.MAX, pods(5, 120)))
            .scaledUp(events(100, 1, 60, 5, 20, 9))
            .from(100, 500)
            .expect(100, SCALE_UP_LIMITED),
        // Start 6 - 4 + 2 = 4; ceil(4 * 400 / 100) = 16.
        Case.of("scale downs in the period give room to scale up")
            .scaleUp(rules(0, SelectPolicy.MAX, percent(300, 300)))
            .scaledUp(events(60, 4))
            .scaledDown(events(60, 2))
            .from(6, 24)
            .expect(16, SCALE_UP_LIMITED),
        // Only 9 in 60 s: start 91; 91 + 300 = 391 is above maxReplicas 200.
        Case.of("maxReplicas caps a scale up that events still allow")
            .bounds(1, 200)
            .scaleUp(rules(0, SelectPolicy.MAX, pods(300, 60)))
            .scaledUp(events(100, 1, 60, 5, 20, 9))
            .from(100, 500)
            .expect(200, LOWERED_TO_MAX),
        // Start 100 + 12 = 112; 112 * 50 / 100 = 56.
        Case.of("scale-down events in the period reduce a percent allowance")
            .scaleDown(rules(0, SelectPolicy.MAX, percent(50, 120)))
            .scaledDown(events(100, 2, 60, 4, 20, 6))
            .from(100, 0)
            .expect(56, SCALE_DOWN_LIMITED),
        // Start 130; 130 * 90 / 100 = 117 is above current 100, which becomes the limit.
        Case.of("recent scale downs block a further scale down")
            .scaleDown(rules(0, SelectPolicy.MAX, percent(10, 120)))
            .scaledDown(events(100, 10, 60, 10, 20, 10))
            .from(100, 0)
            .expect(100, SCALE_DOWN_LIMITED),
        // Start 10 - 2 + 4 = 12; 12 * 50 / 100 = 6.
        Case.of("scale ups in the period give room to scale down")
            .scaleDown(rules(0, SelectPolicy.MAX, percent(50, 180)))
            .scaledUp(events(60, 2))
            .scaledDown(events(60, 4))
            .from(10, 1)
            .expect(6, SCALE_DOWN_LIMITED),
        // Start 40; 40 * (100 - 1000) / 100 = -360, below minReplicas: the evaluation stands.
        Case.of("a percent above 100 leaves the evaluation to decide")
            .scaleDown(rules(0, SelectPolicy.MAX, percent(1000, 120)))
            .scaledDown(events(100, 10, 60, 10, 20, 10))
            .from(10, 5)
            .expect(5, AS_EVALUATED),
        // Start 100 + 15 = 115; 115 - 130 = -15, below minReplicas 5.
        Case.of("minReplicas stops a scale down that events still allow")
            .bounds(5, 1000)
            .scaleDown(rules(0, SelectPolicy.MAX, pods(130, 120)))
            .scaledDown(events(100, 1, 60, 5, 20, 9))
            .from(100, 0)
            .expect(5, RAISED_TO_MIN),
        // Start 100 + 15 = 115; 115 - 5 = 110 is above current 100.
        Case.of("a pods scale down blocked by recent scale downs")
            .scaleDown(rules(0, SelectPolicy.MAX, pods(5, 120)))
            .scaledDown(events(100, 1, 60, 5, 20, 9))
            .from(100, 2)
            .expect(100, SCALE_DOWN_LIMITED),
        // Upstream: ceil(float64(25) * (1 + 12/100)) = ceil(28.000000000000004) = 29.
        Case.of("a percent scale up rounds as upstream's double arithmetic does")
            .scaleUp(rules(0, SelectPolicy.MAX, percent(12, 15)))
            .from(25, 50)
            .expect(29, SCALE_UP_LIMITED),
        // Upstream: int32(float64(10) * (1 - 80/100)) = int32(1.9999999999999996) = 1.
        Case.of("a percent scale down truncates as upstream's double arithmetic does")
            .scaleDown(rules(0, SelectPolicy.MAX, percent(80, 15)))
            .from(10, 1)
            .expect(1, AS_EVALUATED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesTheReplicaCount(Case c) {
    ReplicaDecision decision = c.decide();

    assertThat(decision.targetReplicas()).isEqualTo(c.expected);
    assertThat(decision.reason()).isEqualTo(c.reason);
  }

  @Test
  void theFirstRunKeepsTheSeedAndTheEvaluation() {
    ReplicaDecision decision = Case.of("first run").from(5, 2).decide();

    assertThat(decision.state().recommendations().recommendations())
        .containsExactly(new Recommendation(NOW, 5), new Recommendation(NOW, 2));
  }

  @Test
  void aFirstRunThatDoesNotEvaluateStillKeepsTheSeedAsUpstreamDoes() {
    Case first = Case.of("first run at zero").bounds(1, 10);
    ReplicaDecision off = first.from(0, 7).decide();

    ReplicaDecision next =
        new HpaWithBehavior(ScalingBehavior.defaults())
            .decide(
                new DecisionInput(
                    6, 2, new ReplicaBounds(1, 10), off.state(), NOW.plusSeconds(15)));

    assertThat(off.state().recommendations().recommendations())
        .containsExactly(new Recommendation(NOW, 0));
    assertThat(next.targetReplicas())
        .as("the seed of 0 in the window does not hold a target scaled to 6 by hand")
        .isEqualTo(2);
  }

  @Test
  void recommendationsPassedByBothWindowsAreForgotten() {
    // Windows 60 s (up) and 300 s (down): only what is older than 300 s goes.
    ReplicaDecision decision =
        Case.of("forgetting")
            .scaleUp(ScalingRules.scaleUpDefaults().withStabilizationWindow(seconds(60)))
            .recommended(recommendations(301, 9, 200, 4))
            .from(5, 5)
            .decide();

    assertThat(decision.state().recommendations().recommendations())
        .containsExactly(
            new Recommendation(BehaviorCases.secondsAgo(200), 4), new Recommendation(NOW, 5));
  }

  @Test
  void decisionsThatDoNotEvaluateLeaveTheStateAlone() {
    Case disabled = Case.of("disabled").recommended(recommendations(10, 3)).bounds(1, 10);
    DecisionInput atZero = disabled.from(0, 7).input();
    DecisionInput aboveMax = disabled.from(12, 7).input();

    ReplicaDecision off = disabled.rules().decide(atZero);
    ReplicaDecision clamped = disabled.rules().decide(aboveMax);

    assertThat(off.state()).isEqualTo(atZero.state());
    assertThat(off.isDisabled()).isTrue();
    assertThat(off.changes(0)).isFalse();
    assertThat(clamped.state()).isEqualTo(aboveMax.state());
    assertThat(clamped.changes(12)).isTrue();
  }

  @Test
  void anInvalidBehaviorIsRejected() {
    ScalingBehavior invalid =
        ScalingBehavior.defaults().withScaleUp(rules(-1, SelectPolicy.MAX, pods(0, 15)));

    assertThatThrownBy(() -> new HpaWithBehavior(invalid))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid behavior: behavior.scaleUp.stabilizationWindowSeconds: must not be negative,"
                + " got -1; behavior.scaleUp.policies[0].value: must be greater than 0, got 0");
  }

  /**
   * Scale-down window 60 s, otherwise the defaults, bounds 1..100. Each step: seconds after the
   * start, current, evaluated, expected; a changed count is recorded as a rescale.
   */
  @Test
  void followsATimelineOfRunsAndRescales() {
    ScalingBehavior behavior = ScalingBehavior.defaults(seconds(60));
    ReplicaBounds bounds = new ReplicaBounds(1, 100);
    HpaWithBehavior rules = new HpaWithBehavior(behavior);
    DecisionState state = DecisionState.empty();
    int[][] steps = {
      {0, 5, 2, 5}, // the seed (5) holds the count
      {30, 5, 2, 5}, // still inside the window
      {61, 5, 2, 2}, // the seed and first 2 are past the window; 100 % allows 0
      {70, 2, 10, 10}, // start 2 + 3 (scaled down at 61) = 5: max(5 + 4, 5 * 2) = 10
      {80, 10, 30, 10}, // start 10 - 8 (scaled up at 70) = 2: max(6, 4) < 10, so 10
      {86, 10, 30, 20}, // the scale up at 70 is past 15 s: max(14, 20) = 20
    };
    for (int[] step : steps) {
      Instant at = NOW.plusSeconds(step[0]);
      ReplicaDecision decision =
          rules.decide(new DecisionInput(step[1], step[2], bounds, state, at));
      assertThat(decision.targetReplicas()).as("at %d s", step[0]).isEqualTo(step[3]);
      state = rules.afterRescale(decision.state(), step[1], step[3], at);
    }
  }

  private static Duration seconds(int seconds) {
    return Duration.ofSeconds(seconds);
  }
}
