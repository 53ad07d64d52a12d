package com.custompodautoscaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CpaDownscaleStabilizationTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  record Case(
      String name,
      ReplicaBounds bounds,
      int current,
      int evaluated,
      int windowSeconds,
      List<Recommendation> history,
      int expected,
      DecisionReason reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "within bounds", bounds(1, 10), 5, 7, 0, List.of(), 7, DecisionReason.AS_EVALUATED),
        new Case("above max", bounds(1, 5), 2, 10, 0, List.of(), 5, DecisionReason.LOWERED_TO_MAX),
        new Case("below min", bounds(2, 10), 5, 1, 0, List.of(), 2, DecisionReason.RAISED_TO_MIN),
        new Case("no change", bounds(1, 10), 3, 3, 0, List.of(), 3, DecisionReason.AS_EVALUATED),
        new Case(
            "current 0 with min above 0 is disabled",
            bounds(1, 10),
            0,
            3,
            0,
            List.of(),
            0,
            DecisionReason.AUTOSCALING_DISABLED),
        new Case(
            "scale to zero", bounds(0, 10), 5, 0, 0, List.of(), 0, DecisionReason.AS_EVALUATED),
        new Case(
            "scale from zero", bounds(0, 10), 0, 3, 0, List.of(), 3, DecisionReason.AS_EVALUATED),
        new Case(
            "window of 45 s keeps the highest recent recommendation",
            bounds(1, 10),
            5,
            2,
            45,
            history(-60, 100, -50, 2, -40, 2, -30, 9, -20, 2),
            9,
            DecisionReason.DOWNSCALE_STABILIZED),
        new Case(
            "window of 25 s drops only what is older",
            bounds(1, 10),
            5,
            3,
            25,
            history(-30, 100, -20, 2, -15, 2, -10, 1, -5, 2),
            3,
            DecisionReason.AS_EVALUATED),
        new Case(
            "window of 0 s forgets everything",
            bounds(1, 10),
            5,
            2,
            0,
            history(-1, 9),
            2,
            DecisionReason.AS_EVALUATED),
        new Case(
            "entry exactly at the cutoff still counts",
            bounds(1, 10),
            5,
            2,
            30,
            history(-30, 8),
            8,
            DecisionReason.DOWNSCALE_STABILIZED),
        new Case(
            "upscale is never delayed",
            bounds(1, 10),
            2,
            8,
            300,
            history(-10, 4),
            8,
            DecisionReason.AS_EVALUATED),
        new Case(
            "clamped value beats a lower history",
            bounds(1, 5),
            2,
            10,
            60,
            history(-10, 3),
            5,
            DecisionReason.LOWERED_TO_MAX));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesTheReplicaCount(Case c) {
    ReplicaDecision decision =
        new CpaDownscaleStabilization(Duration.ofSeconds(c.windowSeconds()))
            .decide(
                new DecisionInput(
                    c.current(), c.evaluated(), c.bounds(), stateWith(c.history()), NOW));

    assertThat(decision.targetReplicas()).isEqualTo(c.expected());
    assertThat(decision.reason()).isEqualTo(c.reason());
  }

  @Test
  void historyKeepsTheClampedValueAndDropsExpiredEntries() {
    ReplicaDecision decision =
        new CpaDownscaleStabilization(Duration.ofSeconds(45))
            .decide(
                new DecisionInput(5, 2, bounds(3, 10), stateWith(history(-60, 100, -30, 9)), NOW));

    assertThat(decision.state().recommendations().recommendations())
        .containsExactly(new Recommendation(NOW.minusSeconds(30), 9), new Recommendation(NOW, 3));
  }

  @Test
  void disabledAutoscalingLeavesTheHistoryAlone() {
    DecisionState before = stateWith(history(-5, 4));

    ReplicaDecision decision =
        new CpaDownscaleStabilization(Duration.ofSeconds(60))
            .decide(new DecisionInput(0, 7, bounds(1, 10), before, NOW));

    assertThat(decision.state()).isEqualTo(before);
    assertThat(decision.isDisabled()).isTrue();
    assertThat(decision.changes(0)).isFalse();
  }

  @Test
  void stabilizationFollowsTheContractTimeline() {
    DecisionRules rules = new CpaDownscaleStabilization(Duration.ofSeconds(60));
    ReplicaBounds bounds = bounds(1, 10);
    DecisionState state = DecisionState.empty();
    int current = 3;
    int[][] steps = {{0, 5, 5}, {10, 2, 5}, {55, 1, 5}, {61, 1, 2}};
    for (int[] step : steps) {
      ReplicaDecision decision =
          rules.decide(
              new DecisionInput(current, step[1], bounds, state, NOW.plusSeconds(step[0])));
      assertThat(decision.targetReplicas()).as("at %d s", step[0]).isEqualTo(step[2]);
      state = decision.state();
      current = decision.targetReplicas();
    }
  }

  private static DecisionState stateWith(List<Recommendation> history) {
    return DecisionState.empty().withRecommendations(new RecommendationHistory(history));
  }

  private static ReplicaBounds bounds(int min, int max) {
    return new ReplicaBounds(min, max);
  }

  /** Pairs of (seconds relative to now, replicas). */
  private static List<Recommendation> history(int... pairs) {
    return IntStream.range(0, pairs.length / 2)
        .mapToObj(i -> new Recommendation(NOW.plusSeconds(pairs[2 * i]), pairs[2 * i + 1]))
        .toList();
  }
}
