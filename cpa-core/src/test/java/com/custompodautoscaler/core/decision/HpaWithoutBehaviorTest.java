package com.custompodautoscaler.core.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.custompodautoscaler.core.model.ReplicaBounds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HPA controller's rules for an HPA without a {@code behavior}, held to the situations of its
 * own tests (TestConvertDesiredReplicasWithRules, TestNormalizeDesiredReplicas,
 * TestStabilizeDownscale, TestScaleDownStabilizeInitialSize) and to the live comparison that showed
 * the rules: 2 replicas asking for 8 go to 4, then to 8.
 */
class HpaWithoutBehaviorTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private final HpaWithoutBehavior rules = new HpaWithoutBehavior(FIVE_MINUTES);

  /** A run: the target's count, what the metrics asked for, the recommendations so far. */
  record Case(
      String name,
      ReplicaBounds bounds,
      int current,
      int desired,
      List<Recommendation> history,
      int expected,
      DecisionReason reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A recommendation of {@code replicas} made {@code minutes} minutes ago. */
  private static Recommendation ago(int minutes, int replicas) {
    return new Recommendation(NOW.minus(Duration.ofMinutes(minutes)), replicas);
  }

  /** A history that keeps nothing back: the target's count, long ago. */
  private static List<Recommendation> settled(int replicas) {
    return List.of(ago(60, replicas));
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "prenormalized desired replicas within range",
            new ReplicaBounds(3, 8),
            5,
            7,
            settled(5),
            7,
            DecisionReason.AS_EVALUATED),
        new Case(
            "prenormalized desired replicas < minReplicas",
            new ReplicaBounds(2, 8),
            3,
            1,
            settled(3),
            2,
            DecisionReason.RAISED_TO_MIN),
        new Case(
            "prenormalized desired zeroed replicas within range",
            new ReplicaBounds(0, 10),
            1,
            0,
            settled(1),
            0,
            DecisionReason.AS_EVALUATED),
        new Case(
            "maxReplicas is the limit because maxReplicas < scaleUpLimit",
            new ReplicaBounds(1, 10),
            20,
            1000,
            settled(20),
            10,
            DecisionReason.CURRENT_ABOVE_MAX),
        new Case(
            "scaleUpLimit is the limit because scaleUpLimit < maxReplicas",
            new ReplicaBounds(1, 2000),
            3,
            1000,
            settled(3),
            6,
            DecisionReason.SCALE_UP_LIMITED),
        new Case(
            "maxReplicas is the limit of a scale-up when it is below the scale-up limit",
            new ReplicaBounds(1, 5),
            3,
            1000,
            settled(3),
            5,
            DecisionReason.LOWERED_TO_MAX),
        new Case(
            "from 2, a scale-up to 8 stops at 4",
            new ReplicaBounds(1, 10),
            2,
            8,
            settled(2),
            4,
            DecisionReason.SCALE_UP_LIMITED),
        new Case(
            "from 4, a scale-up to 8 reaches it",
            new ReplicaBounds(1, 10),
            4,
            8,
            List.of(ago(1, 8)),
            8,
            DecisionReason.AS_EVALUATED),
        new Case(
            "stabilize",
            new ReplicaBounds(1, 10),
            5,
            3,
            List.of(ago(2, 4), ago(1, 5)),
            5,
            DecisionReason.DOWNSCALE_STABILIZED),
        new Case(
            "no stabilize",
            new ReplicaBounds(1, 10),
            2,
            3,
            List.of(ago(2, 1), ago(1, 2)),
            3,
            DecisionReason.AS_EVALUATED),
        new Case(
            "no stabilize - old recommendations",
            new ReplicaBounds(1, 10),
            3,
            3,
            List.of(ago(10, 10), ago(9, 9)),
            3,
            DecisionReason.AS_EVALUATED),
        new Case(
            "stabilize - old recommendations",
            new ReplicaBounds(1, 10),
            5,
            3,
            List.of(ago(10, 10), ago(1, 4), ago(2, 5), ago(9, 9)),
            5,
            DecisionReason.DOWNSCALE_STABILIZED),
        new Case(
            "TestStabilizeDownscale: 4 pods asking for 2 keep the 4 of a minute ago",
            new ReplicaBounds(1, 5),
            4,
            2,
            List.of(ago(10, 10), ago(1, 4)),
            4,
            DecisionReason.DOWNSCALE_STABILIZED),
        new Case(
            "TestScaleDownStabilizeInitialSize: the first count found holds a scale-down",
            new ReplicaBounds(2, 6),
            5,
            3,
            List.of(),
            5,
            DecisionReason.DOWNSCALE_STABILIZED),
        new Case(
            "a target at 0 with minReplicas above 0 is left alone",
            new ReplicaBounds(1, 10),
            0,
            5,
            settled(0),
            0,
            DecisionReason.AUTOSCALING_DISABLED),
        new Case(
            "a target below minReplicas goes to it without its metrics",
            new ReplicaBounds(3, 10),
            2,
            9,
            settled(2),
            3,
            DecisionReason.CURRENT_BELOW_MIN));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesAsTheHpaControllerDoesWithoutABehavior(Case c) {
    DecisionState state =
        DecisionState.empty().withRecommendations(new RecommendationHistory(c.history()));
    ReplicaDecision decision =
        rules.decide(new DecisionInput(c.current(), c.desired(), c.bounds(), state, NOW));

    assertThat(decision.targetReplicas()).isEqualTo(c.expected());
    assertThat(decision.reason()).isEqualTo(c.reason());
  }
}
