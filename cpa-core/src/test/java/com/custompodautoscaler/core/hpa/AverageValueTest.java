package com.custompodautoscaler.core.hpa;

import static com.custompodautoscaler.core.hpa.TestPods.pods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Pods metrics and Resource metrics with an averageValue target (milli-units). */
class AverageValueTest {

  private final ReplicaCalculator calculator = new ReplicaCalculator(Tolerance.DEFAULT);

  record Case(
      String name,
      TestPods pods,
      long targetAverageValue,
      int currentReplicas,
      int expectedReplicas,
      long expectedAverage) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        // average 60000/3 = 20000, ratio 1.33, ceil(1.33 * 3) = 4
        new Case(
            "scale up",
            pods().measured("a", 20000).measured("b", 10000).measured("c", 30000),
            15000,
            3,
            4,
            20000),
        // ratio 0.6, ceil(0.6 * 5) = 3
        new Case("scale down", pods().measuredEach(5, 12000), 20000, 5, 3, 12000),
        // average 62000/3 = 20666, ratio 1.03
        new Case(
            "within tolerance",
            pods().measured("a", 20000).measured("b", 21000).measured("c", 21000),
            20000,
            3,
            3,
            20666),
        // average 30000, ratio 2; c at 0: 60000/3 = 20000, ratio 1.33, ceil(4) = 4
        new Case(
            "unready pods count as using nothing on a scale up",
            pods().measured("a", 50000).measured("b", 10000).unready("c"),
            15000,
            3,
            4,
            30000),
        // ratio 0.25; c at the target: 30000/3 = 10000, ratio 0.5, ceil(1.5) = 2
        new Case(
            "missing pods count as using the target on a scale down",
            pods().measured("a", 5000).measured("b", 5000).missing("c"),
            20000,
            3,
            2,
            5000),
        // ratio 3; c at 0: 60000/3 = 20000, ratio 2, ceil(6) = 6
        new Case(
            "missing pods count as using nothing on a scale up",
            pods().measured("a", 30000).measured("b", 30000).missing("c"),
            10000,
            3,
            6,
            30000),
        new Case(
            "missing pods at a ratio of exactly 1 are not filled in",
            pods().measured("a", 10000).missing("b"),
            10000,
            2,
            2,
            10000),
        // ratio 0.3; b at the target: 13000/2 = 6500, ratio 0.65, ceil(1.3) = 2, not above 1
        // current
        new Case(
            "a scale down that would raise the count keeps the count",
            pods().measured("a", 3000).missing("b"),
            10000,
            1,
            1,
            3000),
        // ratio 1.5; b, c at 0: 4500/3 = 1500, ratio 0.5 flips
        new Case(
            "unready pods that turn a scale up into a scale down keep the count",
            pods().measured("a", 4500).unready("b").unready("c"),
            3000,
            3,
            3,
            4500));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void proposesReplicasForAnAverageValue(Case c) {
    ReplicaProposal proposal =
        calculator.averageValue(c.pods().metrics(), c.targetAverageValue(), c.currentReplicas());

    assertThat(proposal).isEqualTo(new ReplicaProposal(c.expectedReplicas(), c.expectedAverage()));
  }

  @Test
  void noValuesForReadyPodsIsAnError() {
    PodMetrics nothingMeasured = pods().missing("a").metrics();

    assertThatThrownBy(() -> calculator.averageValue(nothingMeasured, 1000, 1))
        .isInstanceOf(ReplicaCalculationException.class)
        .hasMessage("did not receive metrics for targeted pods (pods might be unready)");
  }
}
